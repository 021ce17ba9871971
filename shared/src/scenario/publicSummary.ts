import type { Scenario } from "./schema.ts";

/** A scenario as anyone may read it (`GET /api/scenarios`): never its confidential briefs, payoffs or BATNAs. */
export interface ScenarioSummary {
  id: string;
  title: string;
  dateContext: string;
  summary: string;
  recommended: { seats: number; minutes: number };
  /** Offered for solo play (an author may keep a scenario for class sessions). */
  solo: boolean;
  roundLimit: number;
  parties: { id: string; name: string; kind: "state" | "mediator" | "ngo"; publicBrief: string }[];
  issues: { id: string; name: string }[];
  events: { id: string; title: string; round: number | null }[];
}

/** The public face of a scenario: never its confidential briefs, payoffs or BATNAs. */
export function publicSummary(s: Scenario): ScenarioSummary {
  return {
    id: s.id,
    title: s.title,
    dateContext: s.dateContext,
    summary: s.summary,
    recommended: s.recommended,
    solo: s.solo,
    roundLimit: s.rules.roundLimit,
    parties: s.parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind, publicBrief: p.publicBrief })),
    issues: s.issues.map((i) => ({ id: i.id, name: i.name })),
    events: s.events.map((e) => ({ id: e.id, title: e.title, round: e.round ?? null })),
  };
}
