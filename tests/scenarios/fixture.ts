/**
 * A small scenario that passes every check with no warning, and helpers to break it one
 * way at a time. Two states share a river: water matters most to Upstream, fish to
 * Downstream (a logrolling pair, each issue purely distributive), and both prefer shared
 * data (a compatible issue). Hand-derived numbers are in analysis.test.ts.
 */
export const fixtureFile = "scenarios/fixture.yaml";

export const validFixture = `# yaml-language-server: $schema=./scenario.schema.json
id: fixture
title: Fixture
dateContext: now
summary: Two neighbours share a river.
recommended: { seats: 3, minutes: 20 }
sources:
  - { id: notes, title: Class notes }
parties:
  - id: up
    name: Upstream
    publicBrief: Upstream state.
    confidentialBrief: Water matters most to you.
    batna: 40
    payoffs:
      water: { low: 0, mid: 30, high: 60 }
      fish: { few: 20, some: 10, many: 0 }
      data: { none: 0, shared: 20 }
  - id: down
    name: Downstream
    publicBrief: Downstream state.
    confidentialBrief: Fish matter most to you.
    batna: 40
    payoffs:
      water: { low: 20, mid: 10, high: 0 }
      fish: { few: 0, some: 30, many: 60 }
      data: { none: 0, shared: 20 }
  - id: broker
    name: Broker
    kind: mediator
    publicBrief: A neutral broker.
    confidentialBrief: You score when they agree.
    aims: { agreementBonus: 30, tensionWeight: 0.5 }
issues:
  - id: water
    name: Water
    statusQuo: low
    options:
      - { id: low, label: Low }
      - { id: mid, label: Middle }
      - { id: high, label: High }
    legal:
      forum: court
      positions: { up: high, down: low }
      merits: { up: 0.6, down: 0.4 }
  - id: fish
    name: Fish
    statusQuo: few
    options:
      - { id: few, label: Few }
      - { id: some, label: Some }
      - { id: many, label: Many }
  - id: data
    name: Data
    statusQuo: none
    options:
      - { id: none, label: None }
      - { id: shared, label: Shared }
creativeOptions:
  - id: fund
    name: Joint fund
    description: A shared fund.
    bonus: { up: 5, down: 5 }
measures:
  - id: dam
    name: Close the dam
    by: up
    against: down
    damage: { up: 2, down: 5 }
forums:
  - { id: court, name: Court }
indicators:
  trust: 40
  trustPairs:
    - { between: [up, down], value: 30 }
events:
  - id: drought
    round: 2
    title: Drought
    text: The river runs low.
    issues: [water]
    effects: { batna: { up: -2, down: -3 } }
`;

/** The fixture with each `[find, replace]` applied once; fails loudly if a `find` is absent. */
export function edit(text: string, ...edits: [string, string][]): string {
  let out = text;
  for (const [find, replace] of edits) {
    if (!out.includes(find)) throw new Error(`fixture edit: '${find}' not found`);
    out = out.replace(find, replace);
  }
  return out;
}

/** The 1-based line of the first occurrence of `marker` in `text`. */
export function lineOf(text: string, marker: string): number {
  const index = text.indexOf(marker);
  if (index < 0) throw new Error(`marker '${marker}' not found`);
  return text.slice(0, index).split("\n").length;
}
