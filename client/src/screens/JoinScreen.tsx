import { type MeInfo, normaliseJoinCode, textLimits } from "@parley/shared";
import { useEffect, useId, useState } from "react";
import { post } from "../net/http.ts";
import { fetchMe, placeOf } from "../net/me.ts";
import { heldSeats, saveSeat, seatLabel } from "../net/saved.ts";
import { navigate } from "../router.ts";
import { CharactersLeft } from "../ui/CharactersLeft.tsx";
import { Link } from "../ui/Link.tsx";

/** What `POST /api/join` answers: the student's seat, their session and their token. */
interface Joined extends MeInfo {
  participantToken: string;
}

/** The token of a link to a seat (`/join#seat=TOKEN`), if the page was opened with one. */
const seatLinkToken = () => new URLSearchParams(window.location.hash.slice(1)).get("seat");
/** The join code of a link from the projector (`/join#code=CODE`, or `/join?code=CODE`). */
const linkedCode = () =>
  new URLSearchParams(window.location.hash.slice(1)).get("code") ??
  new URLSearchParams(window.location.search).get("code");

function remember(joined: Joined, code?: string): void {
  saveSeat({
    participantId: joined.participant.id,
    token: joined.participantToken,
    kind: "class",
    title: joined.session.title ?? joined.session.scenarioTitle,
    ...placeOf(joined.participant),
    savedAt: new Date().toISOString(),
    ...(code ? { joinCode: normaliseJoinCode(code) } : {}),
  });
  navigate(`/play/${joined.participant.id}`, { replace: true });
}

/**
 * A student joins a class: the code from the board, then their name (or class-list label).
 * A link from the instructor to the student's seat (`/join#seat=TOKEN`, kept out of the
 * server's logs) opens that seat on this browser instead.
 */
export function JoinScreen() {
  const [seatToken, setSeatToken] = useState(seatLinkToken);
  // The projector's QR code opens `/join#code=CODE` (in the fragment, out of the server's logs).
  const [code, setCode] = useState(() => (linkedCode() ?? "").toUpperCase());
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A student whose tab closed opens the join link (or the QR code) again: their seat is
  // kept, and joining again under their name is refused as taken, so offer the seat first.
  // Only a seat taken with this very code: a shared computer's earlier class is not offered.
  const held = heldSeats(code);
  const ids = { code: useId(), name: useId(), hint: useId(), nameLeft: useId(), held: useId() };

  // The link pasted into this very page's address bar changes only its fragment.
  useEffect(() => {
    const follow = () => {
      setError(undefined);
      setSeatToken(seatLinkToken());
    };
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);

  useEffect(() => {
    if (!seatToken) return;
    fetchMe(seatToken)
      .then((me) => remember({ ...me, participantToken: seatToken }))
      .catch(() => {
        window.history.replaceState(null, "", "/join");
        setError("That link to a seat no longer works: ask your instructor for a new one, or join with the code.");
      });
  }, [seatToken]);

  async function join(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      remember(await post<Joined>("/join", { code, name }), code);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  if (seatToken && !error) return <p className="page">Opening your seat…</p>;
  return (
    <div className="page narrow">
      <h1>Join a class</h1>
      {held.length > 0 && (
        <section className="panel" aria-labelledby={ids.held} data-testid="held-seats">
          <h2 id={ids.held}>Already joined on this device?</h2>
          <p>Your seat is kept for you: go back to it rather than join again.</p>
          <ul className="plain-list">
            {held.map((s) => (
              <li key={s.participantId}>
                <Link className="button primary" href={`/play/${s.participantId}`}>
                  Back to my seat: {seatLabel(s)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form className="panel stack" onSubmit={join}>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <label htmlFor={ids.code}>Join code</label>
        <input
          id={ids.code}
          className="code-input"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          required
          aria-describedby={ids.hint}
        />
        <p id={ids.hint} className="muted small">
          Six letters and digits, as your instructor shows them. Case and dashes do not matter.
        </p>
        <label htmlFor={ids.name}>Your name (as on the class list, if your instructor has one)</label>
        <input
          id={ids.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={textLimits.name}
          required
          aria-describedby={ids.nameLeft}
        />
        <CharactersLeft id={ids.nameLeft} length={name.length} max={textLimits.name} />
        <button type="submit" className="primary" disabled={busy || !code.trim() || !name.trim()}>
          {busy ? "Joining…" : "Take my seat"}
        </button>
      </form>
    </div>
  );
}
