import { type TableView, textLimits } from "@parley/shared";
import { useId, useState } from "react";
import { useTable } from "../state/tableStore.ts";
import { CharactersLeft } from "../ui/CharactersLeft.tsx";
import { list, partyName } from "../ui/names.ts";

/** Public and private chat: the chat lines of the log, and a composer. */
export function ChatPanel({ view, canMove }: { view: TableView; canMove: boolean }) {
  const send = useTable((s) => s.send);
  const seat = view.me?.seat ?? "";
  const [text, setText] = useState("");
  const [to, setTo] = useState("all");
  const ids = { text: useId(), to: useId(), left: useId() };
  const lines = view.log.filter((e) => e.kind === "chat" || e.kind === "backChannel" || e.kind === "shuttle");
  const others = view.parties.filter((p) => p.id !== seat && !p.walkedAway);
  return (
    <section className="panel chat" aria-labelledby="chat-title">
      <h2 id="chat-title">Chat</h2>
      {/* A scrolling region must take focus, so keyboard users can scroll it (as the event log does). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region */}
      <ol className="chat-lines" tabIndex={0} aria-label="Conversation" aria-live="polite" aria-relevant="additions">
        {lines.length === 0 && <li className="muted small">No messages yet.</li>}
        {lines.map((e) => {
          const privateTo = e.visibleTo === "all" ? undefined : e.visibleTo.filter((s) => s !== e.by);
          return (
            <li
              key={`${e.seq}-${e.kind}`}
              className={`chat-line ${e.by === seat ? "own" : ""} ${privateTo ? "private" : ""}`}
            >
              <span className="small muted">
                {partyName(view, e.by)}
                {privateTo ? ` → ${list(privateTo.map((s) => partyName(view, s)))} (private)` : " → everyone"}
              </span>
              <br />
              {e.kind === "chat" ? e.text : <em>{e.text}</em>}
            </li>
          );
        })}
      </ol>
      {seat && view.phase === "ended" && <p className="muted small">The negotiation is over: the chat is closed.</p>}
      {seat && view.phase !== "ended" && (
        <form
          className="chat-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!text.trim()) return;
            send(to === "all" ? { kind: "chat", text } : { kind: "chat", text, to: [to] });
            setText("");
          }}
        >
          <div className="field inline">
            <label htmlFor={ids.to}>To</label>
            <select id={ids.to} value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="all">Everyone</option>
              {others.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} only (private)
                </option>
              ))}
            </select>
          </div>
          <label htmlFor={ids.text} className="sr-only">
            Message
          </label>
          <div className="row">
            <input
              id={ids.text}
              value={text}
              maxLength={textLimits.message}
              placeholder="Write a message"
              onChange={(e) => setText(e.target.value)}
              disabled={!canMove}
              aria-describedby={ids.left}
            />
            <button type="submit" disabled={!canMove || !text.trim()}>
              Send
            </button>
          </div>
          <CharactersLeft id={ids.left} length={text.length} max={textLimits.message} />
        </form>
      )}
    </section>
  );
}
