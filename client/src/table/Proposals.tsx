import {
  awaitsYourVeto,
  describePackage,
  inFavourOf,
  type Package,
  type Proposal,
  type TableView,
  viewPoints,
  voteRound,
} from "@parley/shared";
import { useState } from "react";
import { useTable } from "../state/tableStore.ts";
import { ApproachTag } from "../ui/approaches.tsx";
import { issueName, isThirdParty, list, optionName, partyName, possessive } from "../ui/names.ts";

const framingText: Record<Proposal["framing"], string> = {
  plain: "proposal",
  package: "package offer",
  anchor: "anchor",
  ultimatum: "ultimatum",
  mediator: "mediator's proposal",
  award: "arbitral award",
};

/** What changed from one version of a package to the next, issue by issue, in words. */
export function packageChanges(view: Pick<TableView, "scenario">, before: Package, after: Package): string[] {
  const changes: string[] = [];
  for (const issue of view.scenario.issues) {
    const a = before.options[issue.id];
    const b = after.options[issue.id];
    if (a !== b && a && b)
      changes.push(`${issueName(view, issue.id)}: ${optionName(view, issue.id, a)} → ${optionName(view, issue.id, b)}`);
  }
  const name = (id: string) => view.scenario.creativeOptions.find((c) => c.id === id)?.name ?? id;
  for (const id of after.creative ?? []) if (!(before.creative ?? []).includes(id)) changes.push(`adds ${name(id)}`);
  for (const id of before.creative ?? []) if (!(after.creative ?? []).includes(id)) changes.push(`drops ${name(id)}`);
  return changes;
}

/** The previous version in the same proposer's line, if any. */
const previousVersion = (all: Proposal[], p: Proposal) =>
  all.filter((q) => q.by === p.by && q.version < p.version).sort((a, b) => b.version - a.version)[0];

function StatusLine({ view, p }: { view: TableView; p: Proposal }) {
  const parts: string[] = [];
  if (p.acceptedBy.length > 0) parts.push(`accepted by ${list(p.acceptedBy.map((s) => partyName(view, s)))}`);
  if (p.rejectedBy.length > 0) parts.push(`rejected by ${list(p.rejectedBy.map((s) => partyName(view, s)))}`);
  return (
    <p className="small">
      <span className={`status status-${p.status}`}>{p.status}</span>
      {parts.length > 0 && <> · {parts.join("; ")}</>}
      {p.status === "open" && <> · open until the end of round {p.expiresAfterRound}</>}
    </p>
  );
}

/**
 * Under a council's rule (a qualified majority with vetoes): how the draft stands and when
 * it is put to the vote, where a member that has not answered abstains and only a permanent
 * member's rejection is a veto.
 */
function CouncilVote({ view, p, seat }: { view: TableView; p: Proposal; seat: string }) {
  const rule = view.scenario.agreement;
  if (rule.rule !== "qualified" || p.status !== "open") return null;
  const inFavour = inFavourOf(p, (s) => !isThirdParty(view, s)).length;
  const voteAt = voteRound(p, view.scenario.roundLimit);
  const vetoes = rule.vetoes.map((s) => partyName(view, s));
  const needed = (
    <>
      Council vote: {inFavour} in favour of the {rule.min} needed
      {rule.mustInclude.length > 0 && <>, {list(rule.mustInclude.map((s) => partyName(view, s)))} among them</>}
    </>
  );
  if (vetoes.length === 0)
    return (
      <p className="small" data-testid="council-vote">
        {needed}. Adopted as soon as {rule.min} accept.
      </p>
    );
  return (
    <p className="small" data-testid="council-vote">
      {needed}; {list(vetoes)} each hold a veto (one rejection sinks it). Adopted at once when they all accept;
      otherwise put to the vote at the end of round {voteAt}, where a member that has not answered abstains
      {awaitsYourVeto(p, rule.vetoes, seat) ? " (your rejection vetoes it; your silence does not)" : ""}.
    </p>
  );
}

/** Open proposals to answer, then every proposer's line of versions with what changed. */
export function Proposals({ view, canMove }: { view: TableView; canMove: boolean }) {
  const send = useTable((s) => s.send);
  const seat = view.me?.seat ?? "";
  const open = view.proposals.filter((p) => p.status === "open").reverse();
  const lines = [...new Set(view.proposals.map((p) => p.by))];
  // A third party has no payoff table: a package is worth nothing to it as such, only agreement is.
  const aims = view.me?.aims;
  const worth = (pkg: Package) => (view.me && !aims ? viewPoints(view, pkg) : undefined);
  // Accepting a package worth less than walking away asks once more (the proposal it is for).
  const [confirmBelow, setConfirmBelow] = useState<string | null>(null);

  return (
    <section className="panel" aria-labelledby="proposals-title">
      <h2 id="proposals-title">Proposals</h2>
      {open.length === 0 && (
        <p className="muted">
          No open proposal.
          {view.me && view.phase === "playing" && !isThirdParty(view, view.me.seat) ? " Build one below." : ""}
        </p>
      )}
      <ul className="proposals">
        {open.map((p) => {
          const mine = p.by === seat;
          const canAnswer =
            canMove && p.to.includes(seat) && !p.acceptedBy.includes(seat) && !p.rejectedBy.includes(seat);
          const points = worth(p.package);
          // Worth less than walking away: flagged, and accepting it asks once more.
          const below = view.me !== undefined && points !== undefined && points < view.me.batna;
          const previous = previousVersion(view.proposals, p);
          const changes = previous ? packageChanges(view, previous.package, p.package) : [];
          return (
            <li key={p.id} className={`proposal open ${mine ? "mine" : ""}`} aria-label={`Proposal ${p.id}`}>
              <p className="proposal-head">
                <ApproachTag approach={p.approach} /> <strong>{possessive(partyName(view, p.by))}</strong>{" "}
                {framingText[p.framing]} to {list(p.to.map((s) => partyName(view, s)))} · round {p.round} · version{" "}
                {p.version}
              </p>
              <p className="small">{describePackage(view.scenario, p.package)}</p>
              {changes.length > 0 && (
                <p className="small changes">
                  Changed since version {previous?.version}: {changes.join("; ")}
                </p>
              )}
              {points !== undefined && (
                <p>
                  Worth <strong data-testid="proposal-points">{points}</strong> points to you
                  {view.me && <span className="muted"> (your BATNA: {view.me.batna})</span>}
                  {below && <span className="badge warn">below your BATNA</span>}
                </p>
              )}
              {aims && aims.agreementBonus > 0 && (
                <p className="small" data-testid="proposal-aims">
                  Agreed, it would give you <strong>+{aims.agreementBonus}</strong> points for an agreement (you score
                  by your aims, not by the package)
                </p>
              )}
              <StatusLine view={view} p={p} />
              <CouncilVote view={view} p={p} seat={seat} />
              {canAnswer && confirmBelow === p.id && view.me && points !== undefined && (
                <p role="alert" className="warn">
                  Proposal {p.id} is worth {points} points to you, below your BATNA of {view.me.batna}: if it is agreed
                  you score less than walking away would give you. Press the button again to accept it.{" "}
                  <button type="button" className="link" onClick={() => setConfirmBelow(null)}>
                    Cancel
                  </button>
                </p>
              )}
              {canAnswer && (
                <div className="row">
                  <button
                    type="button"
                    className="primary"
                    onClick={() => {
                      if (below && confirmBelow !== p.id) return setConfirmBelow(p.id);
                      setConfirmBelow(null);
                      send({ kind: "accept", proposalId: p.id });
                    }}
                  >
                    {confirmBelow === p.id ? `Yes: accept proposal ${p.id}` : `Accept proposal ${p.id}`}
                  </button>
                  <button type="button" onClick={() => send({ kind: "reject", proposalId: p.id })}>
                    Reject proposal {p.id}
                  </button>
                </div>
              )}
              {mine && canMove && (
                <button type="button" className="link" onClick={() => send({ kind: "withdraw", proposalId: p.id })}>
                  Withdraw proposal {p.id}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {view.proposals.length > 0 && (
        <details className="history">
          <summary>History of proposals ({view.proposals.length})</summary>
          {lines.map((by) => (
            <div key={by}>
              <h3>{partyName(view, by)}</h3>
              <ol className="versions">
                {view.proposals
                  .filter((p) => p.by === by)
                  .map((p) => {
                    const previous = previousVersion(view.proposals, p);
                    const changes = previous ? packageChanges(view, previous.package, p.package) : [];
                    const points = worth(p.package);
                    return (
                      <li key={p.id}>
                        <strong>Version {p.version}</strong> ({framingText[p.framing]}, round {p.round}, to{" "}
                        {list(p.to.map((s) => partyName(view, s)))}
                        {points !== undefined && <>, {points} points to you</>}){" "}
                        <span className={`status status-${p.status}`}>{p.status}</span>
                        <br />
                        <span className="small">
                          {previous
                            ? changes.length > 0
                              ? `Changes: ${changes.join("; ")}`
                              : "Same package"
                            : describePackage(view.scenario, p.package)}
                        </span>
                      </li>
                    );
                  })}
              </ol>
            </div>
          ))}
        </details>
      )}
    </section>
  );
}
