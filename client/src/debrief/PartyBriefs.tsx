import type { GameState, SeatId, Viewer } from "@parley/shared";
import { memo } from "react";

/**
 * Every party's brief as its player read it (public and confidential), with its BATNA at the
 * start and at the step on screen: what an instructor shows the class to explain a move ("China
 * knew its chip industry came first"). The debrief had no way to read them. The seat the
 * replay is viewed as opens by itself.
 */
export const PartyBriefs = memo(function PartyBriefs({
  state,
  viewer,
}: {
  /** The table at the step on screen (its scenario holds the briefs). */
  state: GameState;
  viewer: Viewer;
}) {
  const parties = state.scenario.parties.filter((p) => state.seats.includes(p.id as SeatId));
  return (
    <section className="panel" aria-labelledby="briefs-title">
      <h2 id="briefs-title">The parties' briefs</h2>
      {parties.map((party) => (
        <details key={`${party.id}-${viewer}`} open={viewer === party.id} data-testid={`brief-${party.id}`}>
          <summary>{party.name}</summary>
          <h3 className="small">Public</h3>
          <p className="small">{party.publicBrief}</p>
          <h3 className="small">Confidential</h3>
          <p className="small confidential">{party.confidentialBrief}</p>
          {party.kind === "state" && (
            <p className="small">
              BATNA: <strong>{party.batna}</strong> points at the start, <strong>{state.batna[party.id] ?? 0}</strong>{" "}
              at this step
            </p>
          )}
        </details>
      ))}
    </section>
  );
});
