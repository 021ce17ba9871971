import type { Scenario } from "@parley/shared";

/** The public face of a scenario: never its confidential briefs, payoffs or BATNAs. */
export function publicSummary(s: Scenario) {
  return {
    id: s.id,
    title: s.title,
    dateContext: s.dateContext,
    summary: s.summary,
    recommended: s.recommended,
    /** Offered for solo play (see the scenario's `solo`). */
    solo: s.solo,
    roundLimit: s.rules.roundLimit,
    parties: s.parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind, publicBrief: p.publicBrief })),
    issues: s.issues.map((i) => ({ id: i.id, name: i.name })),
    events: s.events.map((e) => ({ id: e.id, title: e.title, round: e.round ?? null })),
  };
}
