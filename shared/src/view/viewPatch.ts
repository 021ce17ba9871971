import type { TableView } from "./viewFor.ts";

/**
 * What changed in a client's view since the last one it received (the `viewPatch` room
 * message, docs/API.md). A table sends each client a whole `view` when it connects, then
 * after each event only what differs: the fields that changed, whole; of a list where only
 * some items changed (the log's new lines, one proposal among many), those items; the
 * fields that are gone. Fields of the view keep their names; the others start with `$`.
 */
export type ViewPatch = Partial<TableView> & {
  /** The `seq` of the view the patch applies to. */
  $base: number;
  /** Lists of the view of which only some items changed: the new length, and the items at those places. */
  $items?: Record<string, ItemsChange>;
  /** Fields the view no longer has. */
  $unset?: string[];
};

export interface ItemsChange {
  length: number;
  at: number[];
  items: unknown[];
}

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
  for (const [key, change] of Object.entries(patch.$items ?? {})) {
    const list = changedList(next[key], change);
    if (!list) return undefined;
    next[key] = list;
  }
  return next as unknown as TableView;
}

/** `list` with `change` made, or undefined when the change does not fit it (a place left empty). */
function changedList(list: unknown, change: ItemsChange): unknown[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const next = list.slice(0, change.length);
  change.at.forEach((place, i) => {
    next[place] = change.items[i];
  });
  for (let i = 0; i < change.length; i++) if (!(i in next)) return undefined;
  return next.length === change.length ? next : undefined;
}
