import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadScenario, type Scenario } from "@parley/shared";

const scenarioDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../scenarios");

/** Every scenario shipped in scenarios/, so new scenarios are covered as they arrive. */
export function shippedScenarios(): Scenario[] {
  return shippedSources().map(({ file, source }) => loadScenario(source, file));
}

/** The files of shippedScenarios, as text. */
export function shippedSources(): { file: string; source: string }[] {
  return readdirSync(scenarioDir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((file) => ({ file, source: readFileSync(join(scenarioDir, file), "utf8") }));
}

/**
 * Five seats that exercise everything at once: three states (one with a veto), a mediator
 * and an NGO; a compulsory and a consent forum; measures both ways; two creative options; a
 * qualified-majority agreement rule; a low crisis threshold; scripted events.
 */
export const summitSource = `
id: summit
title: Summit
dateContext: now
summary: Three states, a mediator and an NGO.
recommended: { seats: 5, minutes: 30 }
rules:
  roundLimit: 7
  batnaErosionPerRound: 1.5
  crisisThreshold: 70
  agreement: { rule: qualified, min: 2, mustInclude: [], vetoes: [a] }
parties:
  - id: a
    name: Alpha
    publicBrief: A.
    confidentialBrief: A secret.
    batna: 30
    payoffs:
      trade: { open: 10, partial: 20, closed: 30 }
      water: { low: 0, mid: 15, high: 35 }
      aid: { none: 10, some: 5, lots: 0 }
  - id: b
    name: Beta
    publicBrief: B.
    confidentialBrief: B secret.
    batna: 25
    payoffs:
      trade: { open: 30, partial: 15, closed: 0 }
      water: { low: 30, mid: 20, high: 0 }
      aid: { none: 0, some: 10, lots: 20 }
  - id: c
    name: Gamma
    publicBrief: C.
    confidentialBrief: C secret.
    batna: 20
    payoffs:
      trade: { open: 20, partial: 10, closed: 5 }
      water: { low: 10, mid: 10, high: 10 }
      aid: { none: 0, some: 15, lots: 25 }
  - id: m
    name: Envoy
    kind: mediator
    publicBrief: Neutral.
    confidentialBrief: Get a deal.
    aims: { agreementBonus: 50, tensionWeight: 0.5 }
  - id: n
    name: Forum
    kind: ngo
    publicBrief: Civil society.
    confidentialBrief: Keep them talking.
issues:
  - id: trade
    name: Trade
    statusQuo: closed
    options: [{ id: open, label: Open }, { id: partial, label: Partial }, { id: closed, label: Closed }]
    legal: { forum: court, positions: { b: open, a: closed }, merits: { b: 0.6, a: 0.4 } }
  - id: water
    name: Water
    statusQuo: mid
    options: [{ id: low, label: Low }, { id: mid, label: Mid }, { id: high, label: High }]
    legal: { forum: panel, positions: { a: high, c: low }, merits: { a: 0.5, c: 0.5 } }
  - id: aid
    name: Aid
    statusQuo: none
    options: [{ id: none, label: None }, { id: some, label: Some }, { id: lots, label: Lots }]
creativeOptions:
  - id: fund
    name: Fund
    description: A shared fund.
    bonus: { a: 5, b: 5, c: 5 }
    unlock: { trust: 45, after: [shareInterests, workshop, jointFactFinding] }
  - id: corridor
    name: Corridor
    description: A trade corridor.
    bonus: { a: 3, b: 8, c: -2 }
    unlock: { trust: 40, after: [] }
measures:
  - { id: tariff, name: Tariff, by: a, against: b, maxLevel: 3, damage: { a: 2, b: 5 }, tension: 9 }
  - { id: embargo, name: Embargo, by: b, against: a, maxLevel: 2, damage: { a: 6, b: 3 }, tension: 12 }
  - { id: sanction, name: Sanction, by: c, against: a, maxLevel: 1, damage: { a: 3, c: 1 }, tension: 6 }
forums:
  - { id: court, name: The court, jurisdiction: compulsory, roundsToRule: 2 }
  - { id: panel, name: The panel, jurisdiction: consent, roundsToRule: 1, binding: false }
indicators:
  trust: 45
  trustPairs: [{ between: [a, b], value: 30 }]
  tension: 55
  legitimacy: { a: 60 }
events:
  - { id: storm, round: 3, title: Storm, text: A storm hits., effects: { tension: 8, batna: { a: -2, b: -2 } } }
  - { id: summit-call, title: Summit call, text: Leaders call., effects: { tension: -10, trust: 4 } }
moveEffects: { threaten: { tension: 7 } }
`;
export const summit = loadScenario(summitSource);

/** Two states only, no third parties: the simplest table. */
export const pair = loadScenario(`
id: pair
title: Pair
dateContext: now
summary: Two neighbours.
recommended: { seats: 2, minutes: 10 }
rules: { roundLimit: 4, batnaErosionPerRound: 2 }
parties:
  - { id: a, name: A, publicBrief: A., confidentialBrief: A secret., batna: 30, payoffs: { water: { low: 0, high: 60 }, fish: { few: 40, many: 0 } } }
  - { id: b, name: B, publicBrief: B., confidentialBrief: B secret., batna: 25, payoffs: { water: { low: 30, high: 0 }, fish: { few: 0, many: 70 } } }
issues:
  - { id: water, name: Water, statusQuo: low, options: [{ id: low, label: Low }, { id: high, label: High }] }
  - { id: fish, name: Fish, statusQuo: few, options: [{ id: few, label: Few }, { id: many, label: Many }] }
`);

/** Eight seats: seven states (all must accept) and an NGO; three issues. */
export const octet = loadScenario(`
id: octet
title: Octet
dateContext: now
summary: Seven states and an NGO.
recommended: { seats: 8, minutes: 30 }
rules: { roundLimit: 5, batnaErosionPerRound: 1 }
parties:
${["s1", "s2", "s3", "s4", "s5", "s6", "s7"]
  .map(
    (id, i) => `  - id: ${id}
    name: State ${i + 1}
    publicBrief: State ${i + 1}.
    confidentialBrief: Secret ${i + 1}.
    batna: ${10 + i}
    payoffs:
      quota: { low: ${i * 3}, mid: 10, high: ${20 - i * 3} }
      fund: { none: 0, small: ${5 + (i % 3)}, large: ${i % 2 === 0 ? 12 : 2} }
      seat: { rotate: ${i % 4}, fixed: ${4 - (i % 4)} }`,
  )
  .join("\n")}
  - id: ngo
    name: Observers
    kind: ngo
    publicBrief: Civil society.
    confidentialBrief: Keep them talking.
issues:
  - { id: quota, name: Quota, statusQuo: mid, options: [{ id: low, label: Low }, { id: mid, label: Mid }, { id: high, label: High }] }
  - { id: fund, name: Fund, statusQuo: none, options: [{ id: none, label: None }, { id: small, label: Small }, { id: large, label: Large }] }
  - { id: seat, name: Seat, statusQuo: rotate, options: [{ id: rotate, label: Rotate }, { id: fixed, label: Fixed }] }
measures:
  - { id: boycott, name: Boycott, by: s1, against: s2, damage: { s1: 1, s2: 3 }, tension: 8 }
indicators: { trust: 50, tension: 50 }
`);
