import type { Package, SeatId } from "../rules/types.ts";
import { type OutcomeSpace, packageFrom } from "./outcomeSpace.ts";

/** The Pareto frontier of an outcome space: distinct points no other package improves for someone without hurting another. */
export interface Frontier {
  parties: SeatId[];
  size: number;
  /** Points of frontier point i for party j at `points[i * parties.length + j]`. */
  points: Float64Array;
  /** The choice on every factor of one package that reaches frontier point i. */
  choicesAt(i: number): number[];
  packageAt(i: number): Package;
}

interface Level {
  parent: Int32Array;
  choice: Int32Array;
}

/**
 * The frontier, without listing every package. Payoffs add up over factors, and a package
 * on the frontier of A ⊕ B is a sum of frontier points of A and of B (if the A part were
 * dominated, replacing it would dominate the sum). So the frontier is built one factor at a
 * time: add each choice to each point of the frontier so far, then prune dominated points.
 */
export function paretoFrontier(space: OutcomeSpace): Frontier {
  const d = space.parties.length;
  let points = new Float64Array(d);
  let count = 1;
  const levels: Level[] = [];
  for (const factor of space.factors) {
    const k = factor.choices.length;
    const m = count * k;
    const candidates = new Float64Array(m * d);
    for (let i = 0; i < count; i++) {
      for (let c = 0; c < k; c++) {
        const add = factor.choices[c]?.points ?? [];
        const at = (i * k + c) * d;
        for (let j = 0; j < d; j++) candidates[at + j] = (points[i * d + j] ?? 0) + (add[j] ?? 0);
      }
    }
    const keep = nonDominated(candidates, m, d);
    const next = new Float64Array(keep.length * d);
    const parent = new Int32Array(keep.length);
    const choice = new Int32Array(keep.length);
    for (let r = 0; r < keep.length; r++) {
      const idx = keep[r] ?? 0;
      next.set(candidates.subarray(idx * d, idx * d + d), r * d);
      parent[r] = Math.floor(idx / k);
      choice[r] = idx % k;
    }
    levels.push({ parent, choice });
    points = next;
    count = keep.length;
  }
  const choicesAt = (i: number): number[] => {
    const out = new Array<number>(levels.length).fill(0);
    let at = i;
    for (let level = levels.length - 1; level >= 0; level--) {
      const l = levels[level];
      if (!l) continue;
      out[level] = l.choice[at] ?? 0;
      at = l.parent[at] ?? 0;
    }
    return out;
  };
  return {
    parties: [...space.parties],
    size: count,
    points,
    choicesAt,
    packageAt: (i) => packageFrom(space, choicesAt(i)),
  };
}

/**
 * Indices of the distinct points not dominated by any other (a point dominates another when
 * it is at least as good for every party and better for one). Among equal points the first
 * is kept. Points of point i are `points[i * d .. i * d + d)`.
 */
export function nonDominated(points: Float64Array, n: number, d: number): Int32Array {
  if (n === 0) return new Int32Array(0);
  if (d === 1) return bestOfOne(points, n);
  if (d === 2) return sweepTwo(points, n);
  return skyline(points, n, d);
}

function bestOfOne(points: Float64Array, n: number): Int32Array {
  let best = 0;
  for (let i = 1; i < n; i++) if ((points[i] ?? 0) > (points[best] ?? 0)) best = i;
  return Int32Array.of(best);
}

/** Two parties: sort by the first party's points (then the second's), descending, and keep each new best of the second. O(n log n). */
function sweepTwo(points: Float64Array, n: number): Int32Array {
  const order = stableOrder(n, (a, b) => {
    const dx = (points[b * 2] ?? 0) - (points[a * 2] ?? 0);
    return dx !== 0 ? dx : (points[b * 2 + 1] ?? 0) - (points[a * 2 + 1] ?? 0);
  });
  const keep: number[] = [];
  let bestY = Number.NEGATIVE_INFINITY;
  for (const i of order) {
    const y = points[i * 2 + 1] ?? 0;
    if (y > bestY) {
      keep.push(i);
      bestY = y;
    }
  }
  return Int32Array.from(keep);
}

/**
 * Three or more parties: sort-filter skyline. Points are taken by decreasing sum (a point
 * can only be dominated by one with a larger sum), and each is tested against the frontier
 * found so far, held in a k-d tree whose nodes know the best point of each party below
 * them, so that most of the tree is skipped by each test.
 */
function skyline(points: Float64Array, n: number, d: number): Int32Array {
  const sums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += points[i * d + j] ?? 0;
    sums[i] = s;
  }
  const compare = (a: number, b: number): number => {
    const ds = (sums[b] ?? 0) - (sums[a] ?? 0);
    if (ds !== 0) return ds;
    for (let j = 0; j < d; j++) {
      const dj = (points[b * d + j] ?? 0) - (points[a * d + j] ?? 0);
      if (dj !== 0) return dj;
    }
    return 0;
  };
  const sorted = stableOrder(n, compare);
  // Equal points are adjacent after the sort; keep the first of each run.
  const distinct: number[] = [];
  for (let r = 0; r < sorted.length; r++) {
    const i = sorted[r] ?? 0;
    if (r > 0 && compare(sorted[r - 1] ?? 0, i) === 0) continue;
    distinct.push(i);
  }
  const tree = new DominanceTree(points, Int32Array.from(distinct), d);
  const keep: number[] = [];
  for (const i of distinct) {
    if (tree.dominated(i)) continue;
    keep.push(i);
    tree.activate(i);
  }
  return Int32Array.from(keep);
}

/** Indices 0..n-1 sorted by `compare`, ties in index order. */
function stableOrder(n: number, compare: (a: number, b: number) => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => compare(a, b) || a - b);
}

/**
 * A static k-d tree over candidate points in which points are switched on as they join the
 * frontier. Node `pos` holds point `ids[pos]`; its subtree is the range it splits. `max`
 * holds, per node, the best value of each party among the switched-on points below it.
 */
class DominanceTree {
  private readonly ids: Int32Array;
  private readonly parent: Int32Array;
  private readonly posOf = new Map<number, number>();
  private readonly active: Uint8Array;
  private readonly max: Float64Array;
  private readonly stack = new Int32Array(512);

  constructor(
    private readonly points: Float64Array,
    ids: Int32Array,
    private readonly d: number,
  ) {
    const m = ids.length;
    this.ids = ids.slice();
    this.parent = new Int32Array(m).fill(-1);
    this.active = new Uint8Array(m);
    this.max = new Float64Array(m * d).fill(Number.NEGATIVE_INFINITY);
    this.build(0, m, 0, -1);
    for (let pos = 0; pos < m; pos++) this.posOf.set(this.ids[pos] ?? 0, pos);
  }

  private build(lo: number, hi: number, depth: number, parent: number): void {
    if (lo >= hi) return;
    const mid = (lo + hi) >> 1;
    select(this.ids, lo, hi - 1, mid, (id) => this.points[id * this.d + (depth % this.d)] ?? 0);
    this.parent[mid] = parent;
    this.build(lo, mid, depth + 1, mid);
    this.build(mid + 1, hi, depth + 1, mid);
  }

  activate(id: number): void {
    const { d, points, max } = this;
    let node = this.posOf.get(id) ?? -1;
    if (node < 0) return;
    this.active[node] = 1;
    while (node >= 0) {
      let changed = false;
      for (let j = 0; j < d; j++) {
        const v = points[id * d + j] ?? 0;
        if (v > (max[node * d + j] ?? 0)) {
          max[node * d + j] = v;
          changed = true;
        }
      }
      // An ancestor's best is at least its child's: if this node did not change, none above will.
      if (!changed) return;
      node = this.parent[node] ?? -1;
    }
  }

  /** True when a switched-on point is at least as good as `id` for every party (points are distinct). */
  dominated(id: number): boolean {
    const { d, points, max, ids, stack } = this;
    let top = 0;
    stack[top++] = 0;
    stack[top++] = ids.length;
    while (top > 0) {
      const hi = stack[--top] ?? 0;
      const lo = stack[--top] ?? 0;
      if (lo >= hi) continue;
      const mid = (lo + hi) >> 1;
      let reach = true;
      for (let j = 0; j < d; j++) {
        if ((max[mid * d + j] ?? 0) < (points[id * d + j] ?? 0)) {
          reach = false;
          break;
        }
      }
      if (!reach) continue;
      if (this.active[mid]) {
        const other = ids[mid] ?? 0;
        let covers = true;
        for (let j = 0; j < d; j++) {
          if ((points[other * d + j] ?? 0) < (points[id * d + j] ?? 0)) {
            covers = false;
            break;
          }
        }
        if (covers) return true;
      }
      stack[top++] = lo;
      stack[top++] = mid;
      stack[top++] = mid + 1;
      stack[top++] = hi;
    }
    return false;
  }
}

/** Rearranges `ids[lo..hi]` so that position `k` holds the element of rank k by `key` (quickselect). */
function select(ids: Int32Array, lo: number, hi: number, k: number, key: (id: number) => number): void {
  while (hi > lo) {
    const pivot = key(ids[(lo + hi) >> 1] ?? 0);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (key(ids[i] ?? 0) < pivot) i++;
      while (key(ids[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = ids[i] ?? 0;
        ids[i] = ids[j] ?? 0;
        ids[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
