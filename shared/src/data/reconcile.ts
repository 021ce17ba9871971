/**
 * `next` with every part that equals the part at the same place in `previous` replaced by
 * that part: `previous` itself when the two are equal throughout. A table's views are built
 * afresh after every event, but most of a view is what it was; kept as the same objects, the
 * unchanged parts are recognised by identity (`===`) and their encodings kept, so a table
 * sends and encodes only what changed (see the server's `sendableViews`).
 *
 * Plain data only (objects, arrays, primitives). Objects are equal when they have the same
 * keys in the same order with equal values (so that their encodings are equal byte for
 * byte). `previous` is never changed; `next`'s containers, freshly built for this view,
 * are, to hold the kept parts (a child is replaced only by an equal one).
 */
export function reconcile<T>(previous: T | undefined, next: T): T {
  return keep(previous, next) as T;
}

function keep(previous: unknown, next: unknown): unknown {
  if (previous === next) return previous;
  if (previous === null || next === null || typeof previous !== "object" || typeof next !== "object") return next;
  const isList = Array.isArray(next);
  if (isList !== Array.isArray(previous)) return next;
  if (isList) {
    const before = previous as unknown[];
    const after = next as unknown[];
    let same = before.length === after.length;
    for (let i = 0; i < after.length; i++) {
      if (after[i] === before[i]) continue;
      const part = keep(before[i], after[i]);
      if (part !== after[i]) after[i] = part;
      if (part !== before[i]) same = false;
    }
    return same ? previous : next;
  }
  // Views are rebuilt after every event for every viewer: one list of keys, not two.
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keysBefore = Object.keys(before);
  let same = true;
  let i = 0;
  for (const key in after) {
    if (keysBefore[i++] !== key) same = false;
    const old = before[key];
    const value = after[key];
    if (value === old) continue;
    const part = keep(old, value);
    if (part !== value) after[key] = part;
    if (part !== old) same = false;
  }
  return same && i === keysBefore.length ? previous : next;
}
