import type { GameState, LogEntry } from "./types.ts";

/** Each draft's own log, once its first new line has copied the state's (see `draftOf`). */
const ownLogs = new WeakMap<GameState, LogEntry[]>();

/**
 * A copy of the state that `apply` may mutate without touching its input. Containers are
 * copied; the scenario and past log entries and value changes are immutable and shared.
 * The log is the state's own until `addLog` writes the draft's first line: then it is
 * copied once, at its new length (copying it here and letting `push` grow it made two
 * arrays of the whole log per event, and the grown one half again as long as needed).
 */
export function draftOf(state: GameState): GameState {
  const f = state.families;
  return {
    ...state,
    acted: [...state.acted],
    proposals: state.proposals.map((p) => ({ ...p, acceptedBy: [...p.acceptedBy], rejectedBy: [...p.rejectedBy] })),
    indicators: {
      trust: { ...state.indicators.trust },
      tension: state.indicators.tension,
      legitimacy: { ...state.indicators.legitimacy },
    },
    batna: { ...state.batna },
    controllers: { ...state.controllers },
    walkedAway: [...state.walkedAway],
    approachCounts: Object.fromEntries(Object.entries(state.approachCounts).map(([k, v]) => [k, { ...v }])),
    history: [...state.history],
    log: state.log,
    valueChanges: [...state.valueChanges],
    families: {
      measures: { ...f.measures },
      threats: [...f.threats],
      revealed: Object.fromEntries(
        Object.entries(f.revealed).map(([owner, readers]) => [
          owner,
          Object.fromEntries(Object.entries(readers).map(([r, ids]) => [r, [...ids]])),
        ]),
      ),
      mediation: { invitedBy: [...f.mediation.invitedBy], consented: [...f.mediation.consented] },
      arbitration: { consented: [...f.arbitration.consented] },
      claims: f.claims.map((c) => ({
        ...c,
        responses: { ...c.responses },
        compliance: { ...c.compliance },
        respondents: [...c.respondents],
        batnaShift: { ...c.batnaShift },
      })),
      unlocked: [...f.unlocked],
      groundwork: { ...f.groundwork },
      factFindings: f.factFindings.map((x) => ({ ...x, parties: [x.parties[0], x.parties[1]] })),
      withheld: [...f.withheld],
      firedEvents: [...f.firedEvents],
      crises: f.crises,
      inCrisis: f.inCrisis,
    },
  };
}

export function addLog(draft: GameState, entry: Omit<LogEntry, "round"> & { round?: number }): void {
  const line: LogEntry = { round: draft.round, ...entry };
  if (ownLogs.get(draft) === draft.log) draft.log.push(line);
  else {
    draft.log = draft.log.concat(line);
    ownLogs.set(draft, draft.log);
  }
}
