import type { MoveKind, TableView } from "@parley/shared";

/**
 * What a move form's choices were made for: the seat, the round, whether the move can be
 * made now, and who is still at the table. When it changes the form starts afresh (last
 * round's ticks had stayed in it); a chat line, or another seat's move that leaves the move
 * as it was, keeps what the student has chosen or is typing.
 */
export function moveFormKey(view: Pick<TableView, "me" | "round" | "moves" | "parties">, kind: MoveKind): string {
  const available = view.moves?.find((m) => m.kind === kind)?.available ?? false;
  const present = view.parties
    .filter((p) => !p.walkedAway)
    .map((p) => p.id)
    .join(",");
  return [view.me?.seat ?? "", view.round, available ? "available" : "not now", present].join("|");
}
