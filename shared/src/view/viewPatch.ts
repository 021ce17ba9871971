import type { TableView } from "./viewFor.ts";

/**
 * What changed in a client's view since the last one it received (the `viewPatch` room
 * message, docs/API.md). A table sends each client a whole `view` when it connects, then
 * after each event only what differs: the fields that changed, whole; the log's new lines
 * (the log only grows while a game runs); the fields that are gone. Fields of the view
 * keep their names; the others start with `$`.
 */
export type ViewPatch = Partial<TableView> & {
  /** The `seq` of the view the patch applies to. */
  $base: number;
  /** Lines to add to the log, from index `$logFrom` (the length of the log it had). */
  $log?: TableView["log"];
  $logFrom?: number;
  /** Fields the view no longer has. */
  $unset?: string[];
};

/**
 * The view after `patch`: exactly the view the server built, as if it had been sent whole;
 * undefined when there is no view or the patch is for another one (`$base`), and the
 * client must ask for the whole view again (`resync`).
 */
export function applyViewPatch(view: TableView | undefined, patch: ViewPatch): TableView | undefined {
  if (!view || patch.$base !== view.seq) return undefined;
  const next: Record<string, unknown> = { ...view };
  for (const [key, value] of Object.entries(patch)) if (!key.startsWith("$")) next[key] = value;
  for (const key of patch.$unset ?? []) delete next[key];
  if (patch.$log) next.log = [...view.log.slice(0, patch.$logFrom ?? view.log.length), ...patch.$log];
  return next as unknown as TableView;
}
