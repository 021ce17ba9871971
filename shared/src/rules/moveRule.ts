import type { Approach, GameState, Move, MoveKind, SeatId } from "./types.ts";

export type MoveOf<K extends MoveKind> = Extract<Move, { kind: K }>;

/**
 * A named validation check. `test` returns the student-facing message when the move breaks
 * the rule, or `null` when it passes. Checks run in order; the first failure is the answer.
 */
export interface Check<M = Move> {
  code: string;
  test: (state: GameState, seat: SeatId, move: M) => string | null;
}

/** Everything the engine knows about one kind of move. */
export interface MoveRule<K extends MoveKind = MoveKind> {
  kind: K;
  approach: Approach;
  /** One-line explanation shown in the move palette. */
  summary: string;
  /**
   * Main moves use the seat's one action of the round; free moves (chat, answering a
   * proposal, withdrawing) do not.
   */
  main: boolean;
  /**
   * Checks that do not look at the move's arguments ("Mediation needs both parties'
   * consent"): they also tell the client which moves to grey out, and why.
   */
  preconditions?: Check<MoveOf<K>>[];
  /**
   * Argument-free summaries of what the checks below refuse ("You have no open proposal"),
   * used only to grey out moves. `validate` skips them: the checks refuse the same moves
   * with a more specific message ("The court has already ruled on this issue").
   */
  availability?: Check<MoveOf<K>>[];
  /**
   * For a move whose every argument may be refused (a concession needs an option worth less,
   * a threat a target still at the table): the arguments the seat could choose now. The move
   * is offered only if one of them passes `checks` (the refusals themselves, not a summary
   * written again); otherwise it is greyed with `none`, or the first one's refusal.
   */
  candidates?: { of: (state: GameState, seat: SeatId) => MoveOf<K>[]; none?: string };
  /** Checks of the move's arguments. */
  checks: Check<MoveOf<K>>[];
  /** Mutates a draft: the move's effects and its log line. */
  apply(draft: GameState, seat: SeatId, move: MoveOf<K>, seq: number): void;
}

/** Declares a move's rule; the move kind alone decides the type of every check. */
export function defineMove<K extends MoveKind>(kind: K, rule: Omit<MoveRule<K>, "kind">): MoveRule<K> {
  return { kind, ...rule };
}

export function check<M>(code: string, test: (state: GameState, seat: SeatId, move: M) => string | null): Check<M> {
  return { code, test };
}
