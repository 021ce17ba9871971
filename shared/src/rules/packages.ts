import { type Check, check } from "./moveRule.ts";
import { capitalised, issueName, optionLabel } from "./names.ts";
import { brokenRuling, forumName } from "./rulings.ts";
import type { Package } from "./types.ts";

type PackageMove = { package: Package };

/** Checks that a package names one valid option per issue and only unlocked creative options. */
export function packageChecks(): Check<PackageMove>[] {
  return [
    check<PackageMove>("UnknownIssue", (state, _seat, move) => {
      const unknown = Object.keys(move.package.options).find((id) => !state.scenario.issues.some((i) => i.id === id));
      return unknown ? `'${unknown}' is not an issue of this scenario.` : null;
    }),
    check<PackageMove>("MissingIssue", (state, _seat, move) => {
      const missing = state.scenario.issues.filter((i) => move.package.options[i.id] === undefined);
      return missing.length > 0
        ? `Choose an option for every issue (missing: ${missing.map((i) => i.name).join(", ")}).`
        : null;
    }),
    check<PackageMove>("UnknownOption", (state, _seat, move) => {
      for (const issue of state.scenario.issues) {
        const option = move.package.options[issue.id];
        if (option !== undefined && !issue.options.some((o) => o.id === option)) {
          return `Option '${option}' is not an option of issue '${issue.name}'.`;
        }
      }
      return null;
    }),
    check<PackageMove>("UnknownCreativeOption", (state, _seat, move) => {
      const unknown = (move.package.creative ?? []).find(
        (id) => !state.scenario.creativeOptions.some((c) => c.id === id),
      );
      return unknown ? `'${unknown}' is not a creative option of this scenario.` : null;
    }),
    check<PackageMove>("CreativeOptionLocked", (state, _seat, move) => {
      const locked = (move.package.creative ?? []).find((id) => !state.families.unlocked.includes(id));
      const name = state.scenario.creativeOptions.find((c) => c.id === locked)?.name;
      return locked ? `${name ?? locked} has not been unlocked yet: propose it as a creative option first.` : null;
    }),
    check<PackageMove>("DuplicateCreativeOption", (_s, _seat, move) => {
      const ids = move.package.creative ?? [];
      return new Set(ids).size === ids.length ? null : "Name each creative option only once.";
    }),
    check<PackageMove>("RulingMustBeKept", (state, _seat, move) => {
      const broken = brokenRuling(state, move.package);
      if (!broken) return null;
      return `${capitalised(forumName(state, broken.claim.forumId))} has ruled on ${issueName(state, broken.issueId)}: the package must keep '${optionLabel(state, broken.issueId, broken.optionId)}'.`;
    }),
  ];
}

/** What it takes to put a package into words: the scenario's (public) issues and creative options. */
export interface PackageVocabulary {
  issues: { id: string; name: string; options: { id: string; label: string }[] }[];
  creativeOptions: { id: string; name: string }[];
}

/** "Tariffs: Halve them; Purchases: Modest purchases", in scenario issue order. */
export function describePackage(scenario: PackageVocabulary, pkg: Package): string {
  const parts = scenario.issues.map((issue) => {
    const option = issue.options.find((o) => o.id === pkg.options[issue.id]);
    return `${issue.name}: ${option?.label ?? pkg.options[issue.id] ?? "?"}`;
  });
  for (const id of pkg.creative ?? []) {
    parts.push(`+ ${scenario.creativeOptions.find((c) => c.id === id)?.name ?? id}`);
  }
  return parts.join("; ");
}

export function packagesEqual(a: Package, b: Package): boolean {
  const keys = new Set([...Object.keys(a.options), ...Object.keys(b.options)]);
  for (const key of keys) if (a.options[key] !== b.options[key]) return false;
  const ca = [...(a.creative ?? [])].sort().join(",");
  const cb = [...(b.creative ?? [])].sort().join(",");
  return ca === cb;
}
