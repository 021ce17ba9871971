import type { TableView, ViewPatch } from "@parley/shared";

/**
 * `applyViewPatch` for the load generator: the same view, made by changing the client's own
 * view in place. The web client keeps each view it renders (a patch makes a new one); the
 * generator holds thousands of clients, and copying every view and its whole log on every
 * patch (4,000 a second at 4,000 clients) filled its heap with views that lived just long
 * enough to be kept, and its collections were measured as late views. Nothing else refers
 * to a generator client's view. Gives undefined, like `applyViewPatch`, when the patch is
 * not for this view (`$base`) or does not fit it (the client asks for the whole view again).
 */
export function patchInPlace(view: TableView | undefined, patch: ViewPatch): TableView | undefined {
  if (!view || patch.$base !== view.seq) return undefined;
  const fields = view as unknown as Record<string, unknown>;
  for (const [key, change] of Object.entries(patch.$items ?? {})) {
    const list = fields[key];
    if (!Array.isArray(list)) return undefined;
    // Places beyond the list's end must all be given.
    const beyond = change.at.filter((place) => place >= list.length).length;
    if (change.length > list.length && beyond !== change.length - list.length) return undefined;
  }
  for (const key in patch) if (!key.startsWith("$")) fields[key] = (patch as Record<string, unknown>)[key];
  for (const key of patch.$unset ?? []) delete fields[key];
  for (const [key, change] of Object.entries(patch.$items ?? {})) {
    const list = fields[key] as unknown[];
    list.length = Math.min(list.length, change.length);
    change.at.forEach((place, i) => {
      list[place] = change.items[i];
    });
  }
  return view;
}
