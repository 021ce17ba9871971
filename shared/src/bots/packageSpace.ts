import type { Package } from "../rules/types.ts";
import type { TableView } from "../view/viewFor.ts";

/**
 * Every package of a scenario's issues (creative options are decided separately), as
 * option indices, with one seat's points for each, sorted from best to worst for it. It
 * depends only on public issues and the seat's own payoffs, so it is built once per
 * scenario and seat and reused for every decision.
 */
export interface PackageSpace {
  issues: { id: string; options: string[] }[];
  size: number;
  /** choices[p * issues.length + i]: the option index of issue i in package p (sorted order). */
  choices: Uint8Array;
  /** The seat's points for package p (sorted order, best first); zeros for a seat without payoffs. */
  own: Float64Array;
}

type Issues = TableView["scenario"]["issues"];
type Payoffs = Record<string, Record<string, number>>;

const cache = new Map<string, PackageSpace>();
const cacheLimit = 256;

function enumerate(issues: Issues, payoffs: Payoffs): PackageSpace {
  const shape = issues.map((issue) => ({ id: issue.id, options: issue.options.map((o) => o.id) }));
  const k = shape.length;
  const size = shape.reduce((n, issue) => n * Math.max(1, issue.options.length), 1);
  const raw = new Uint8Array(size * k);
  const points = new Float64Array(size);
  const counter = new Uint8Array(k);
  for (let p = 0; p < size; p++) {
    let sum = 0;
    for (let i = 0; i < k; i++) {
      const issue = shape[i] as (typeof shape)[number];
      const option = counter[i] ?? 0;
      raw[p * k + i] = option;
      sum += payoffs[issue.id]?.[issue.options[option] ?? ""] ?? 0;
    }
    points[p] = sum;
    for (let i = k - 1; i >= 0; i--) {
      const next = (counter[i] ?? 0) + 1;
      if (next < (shape[i]?.options.length ?? 1)) {
        counter[i] = next;
        break;
      }
      counter[i] = 0;
    }
  }
  const order = Array.from({ length: size }, (_, p) => p).sort((a, b) => (points[b] ?? 0) - (points[a] ?? 0) || a - b);
  const choices = new Uint8Array(size * k);
  const own = new Float64Array(size);
  order.forEach((from, to) => {
    choices.set(raw.subarray(from * k, from * k + k), to * k);
    own[to] = points[from] ?? 0;
  });
  return { issues: shape, size, choices, own };
}

/** The package space of the viewing seat (or, for a seat without payoffs, of the scenario). */
export function packageSpaceFor(view: TableView): PackageSpace {
  const payoffs = view.me?.payoffs ?? {};
  const key = `${view.scenario.id}\u0000${JSON.stringify(view.scenario.issues.map((i) => [i.id, i.options.map((o) => o.id)]))}\u0000${JSON.stringify(payoffs)}`;
  let space = cache.get(key);
  if (!space) {
    space = enumerate(view.scenario.issues, payoffs);
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
    cache.set(key, space);
  }
  return space;
}

/** The package at sorted index `p`, with the given creative options. */
export function packageAt(space: PackageSpace, p: number, creative: readonly string[] = []): Package {
  const k = space.issues.length;
  const options: Record<string, string> = {};
  for (let i = 0; i < k; i++) {
    const issue = space.issues[i];
    if (issue) options[issue.id] = issue.options[space.choices[p * k + i] ?? 0] ?? "";
  }
  return { options, creative: [...creative] };
}

/** Option indices of a package, in the space's issue order (-1 for an unknown option). */
export function choicesOf(space: PackageSpace, pkg: Package): number[] {
  return space.issues.map((issue) => issue.options.indexOf(pkg.options[issue.id] ?? ""));
}

/** Every package of the scenario's issues, without creative options. */
export function allPackages(view: TableView): Package[] {
  const space = packageSpaceFor(view);
  return Array.from({ length: space.size }, (_, p) => packageAt(space, p));
}
