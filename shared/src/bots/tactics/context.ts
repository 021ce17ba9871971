import type { SeatId } from "../../rules/types.ts";
import type { PublicMeasure } from "../../view/viewFor.ts";
import type { Decision } from "../answers.ts";
import type { PackageSpace } from "../packageSpace.ts";
import type { PersonaParameters } from "../personas.ts";
import type { Pressure, Situation } from "../situation.ts";
import type { Stance } from "../stance.ts";

/** A number as a rationale shows it. */
export const n = (value: number) => String(Math.round(value));

/** What the state's main move is chosen from: its situation, persona, stance and the pressure on it. */
export interface Context {
  situation: Situation;
  space: PackageSpace;
  parameters: PersonaParameters;
  stance: Stance;
  dice: number;
  pressures: Pressure[];
  /** Pressure since the bot's own last main move, newest last. */
  recentPressures: Pressure[];
  /** Counterparts that pressed it after it had opened up (shared interests or made cooperative moves). */
  exploiters: SeatId[];
}

/** One way to spend the main move; undefined when it does not apply now. */
export type Tactic = (context: Context) => Decision | undefined;

/** The measures the bot controls (against one party, or any). */
export function measuresOf(context: Context, against?: SeatId): PublicMeasure[] {
  const { view, me } = context.situation;
  return view.scenario.measures.filter(
    (m) =>
      m.by === me && (against === undefined || m.against === against) && context.situation.states.includes(m.against),
  );
}

export function issueName(context: Context, issueId: string): string {
  return context.situation.view.scenario.issues.find((i) => i.id === issueId)?.name ?? issueId;
}

/** Shares every issue with the recipients it may share with (not while either side withholds). */
export function shareWith(context: Context, to: SeatId[], rationale: string): Decision | undefined {
  const { view, me } = context.situation;
  const withheld = (s: SeatId) =>
    view.withheld.some((w) => (w.by === me && w.from === s) || (w.by === s && w.from === me));
  const recipients = to.filter((s) => !withheld(s));
  if (recipients.length === 0) return undefined;
  return {
    move: { kind: "shareInterests", to: recipients, issueIds: view.scenario.issues.map((i) => i.id) },
    rationale,
  };
}
