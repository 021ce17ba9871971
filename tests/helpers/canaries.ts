import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkScenario, type ScenarioProblem, type SeatId } from "@parley/shared";
import { parse, stringify } from "yaml";
import type { Heard } from "./eavesdrop.ts";

/**
 * Copies of the scenarios whose private data are canaries: numbers and words that occur
 * nowhere else, so finding one in what a client received proves where it came from.
 *
 * Numbers. Party k (1-based, file order) gets, on issue j, its points plus
 * 1,000,000 + 20,000·k + 1,000·j + 7: the same offset on every option of an issue, so every
 * comparison between packages, BATNAs and Nash surpluses is the scenario's own (the lints
 * and the bots see the same game). Its BATNA moves by the sum of its offsets. Single
 * payoffs fall in 1.02–1.17 million; a party's package totals and BATNA in n million, for
 * n issues (2–8), in a band of its own; creative bonuses at 9.5 million and third parties'
 * agreement bonus at 9.7 million. A number one party may hold is thus never another's.
 *
 * Legal merits keep two decimals and gain four planted ones (0.6 → 0.600327). Words: each
 * confidential brief ends with a token, `PLANTED-` and eight letters.
 */

export interface PartyCanaries {
  seat: SeatId;
  /** The brief's token. */
  token: string;
  /** issue → option → planted points (states only). */
  payoffs: Record<string, Record<string, number>>;
  /** The planted BATNA at the start (states only). */
  batna?: number;
  /** creative option → planted bonus. */
  creativeBonus: Record<string, number>;
  /** A third party's planted agreement bonus. */
  agreementBonus?: number;
  /** issue → the party's planted legal merits. */
  merits: Record<string, number>;
}

export interface PlantedScenario {
  id: string;
  seats: SeatId[];
  parties: Record<SeatId, PartyCanaries>;
  /** The validator's errors for the planted copy (none expected). */
  errors: ScenarioProblem[];
}

interface RawParty {
  id: string;
  kind?: string;
  confidentialBrief: string;
  batna?: number;
  payoffs?: Record<string, Record<string, number>>;
  aims?: { agreementBonus?: number };
}
interface RawScenario {
  id: string;
  parties: RawParty[];
  issues: { id: string; legal?: { merits: Record<string, number> } }[];
  creativeOptions?: { id: string; bonus: Record<string, number> }[];
}

const letters = "BCDFGHJKLMNPQRSTVWXZ";
function tokenFor(scenarioIndex: number, k: number): string {
  // Deterministic, distinct per scenario and party, and unlike any English word.
  let n = (scenarioIndex + 1) * 7919 + k * 104729;
  let out = "";
  for (let i = 0; i < 8; i++) {
    out += letters[n % letters.length];
    n = Math.floor(n / letters.length) + (i + 3) * 31 * (k + 1);
  }
  return `PLANTED-${out}${k}S${scenarioIndex}`;
}

/** Merits keep their two decimals and gain four planted ones: 0.6 → 0.600327 (party 3, issue 2). */
const plantedMerits = (m: number, k: number, j: number) => Number(`${Math.min(m, 0.99).toFixed(2)}0${k}${j}7`);
const plantedMeritsPattern = /(?<![\d.])0\.\d\d0\d\d7(?!\d)/g;

export const issueOffset = (k: number, j: number) => 1_000_000 + 20_000 * k + 1_000 * j + 7;

/** Plants canaries in one scenario's YAML; returns the new YAML and what was planted. */
export function plantCanaries(source: string, scenarioIndex: number): { yaml: string; planted: PlantedScenario } {
  const raw = parse(source) as RawScenario;
  const parties: Record<SeatId, PartyCanaries> = {};
  raw.parties.forEach((party, index) => {
    const k = index + 1;
    const token = tokenFor(scenarioIndex, k);
    party.confidentialBrief = `${party.confidentialBrief.trimEnd()} Your code word is ${token}.`;
    const canaries: PartyCanaries = { seat: party.id, token, payoffs: {}, creativeBonus: {}, merits: {} };
    if (party.payoffs && Object.keys(party.payoffs).length > 0) {
      let shift = 0;
      raw.issues.forEach((issue, i) => {
        const table = party.payoffs?.[issue.id];
        if (!table) return;
        const offset = issueOffset(k, i + 1);
        shift += offset;
        for (const option of Object.keys(table)) table[option] = (table[option] ?? 0) + offset;
        canaries.payoffs[issue.id] = { ...table };
      });
      if (party.batna !== undefined) {
        party.batna += shift;
        canaries.batna = party.batna;
      }
    }
    if (party.aims && party.kind !== undefined && party.kind !== "state") {
      party.aims.agreementBonus = 9_700_000 + 1_000 * k + 1;
      canaries.agreementBonus = party.aims.agreementBonus;
    }
    parties[party.id] = canaries;
  });
  (raw.creativeOptions ?? []).forEach((creative, c) => {
    raw.parties.forEach((party, index) => {
      if (creative.bonus[party.id] === undefined) return;
      const planted = 9_500_000 + 20_000 * (index + 1) + 1_000 * (c + 1) + 9 + (creative.bonus[party.id] ?? 0);
      creative.bonus[party.id] = planted;
      const canaries = parties[party.id];
      if (canaries) canaries.creativeBonus[creative.id] = planted;
    });
  });
  raw.issues.forEach((issue, j) => {
    const merits = issue.legal?.merits ?? {};
    raw.parties.forEach((party, index) => {
      const m = merits[party.id];
      if (m === undefined) return;
      const planted = plantedMerits(m, index + 1, j + 1);
      merits[party.id] = planted;
      const canaries = parties[party.id];
      if (canaries) canaries.merits[issue.id] = planted;
    });
  });
  const yaml = stringify(raw, { lineWidth: 0 });
  const errors = checkScenario(yaml, `scenarios/${raw.id}.yaml`).problems.filter((p) => p.severity === "error");
  return { yaml, planted: { id: raw.id, seats: raw.parties.map((p) => p.id), parties, errors } };
}

/** Planted copies of every scenario of `from` written to `to`, one file each. */
export function plantEveryScenario(from: string, to: string): PlantedScenario[] {
  mkdirSync(to, { recursive: true });
  const files = readdirSync(from)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  return files.map((file, index) => {
    const { yaml, planted } = plantCanaries(readFileSync(join(from, file), "utf8"), index);
    writeFileSync(join(to, file), yaml);
    return planted;
  });
}

const plantedNumber = /(?<![\d.])\d{7,}(?:\.\d+)?(?![\d.eE])/g;
const plantedToken = /PLANTED-[A-Z]{8}\dS\d/g;

/** The trace of a planted number (as JSON writes it). */
export const numberTrace = (value: number) => `number ${JSON.stringify(value)}`;
export const tokenTrace = (token: string) => `token ${token}`;
/** A private message the test sent, marked `WHISPER<n>X`. */
export const whisper = (n: number) => `WHISPER${n}X`;
const whisperPattern = /WHISPER\d+X/g;
export const whisperTrace = (text: string) => `whisper ${text}`;
/** A bot's persona or its reasons for a move: hidden from the seats until the results open. */
export const personaTrace = "a bot's persona";
export const rationaleTrace = "a bot's reasons";

/**
 * Every trace of planted data in what a client received, with where each was first seen:
 * numbers of seven digits or more, planted merits, brief tokens and whispers in every text, tokens also in the raw
 * frames (strings travel there as UTF-8; numbers do not), and the fields that name a bot's
 * persona or reasons. One pass over each text, whatever the number of probes.
 */
export function tracesIn(heard: readonly Heard[], frames: readonly Heard[]): Map<string, string> {
  const traces = new Map<string, string>();
  const found = (trace: string, h: Heard, at: number) => {
    if (traces.has(trace)) return;
    const around = h.text.slice(Math.max(0, at - 60), at + 60).replace(/[^\x20-\x7e]/g, "·");
    traces.set(trace, `${h.where}: …${around}…`);
  };
  const search = (h: Heard, fragment: string | RegExp, trace: string) => {
    const at = typeof fragment === "string" ? h.text.indexOf(fragment) : h.text.search(fragment);
    if (at >= 0) found(trace, h, at);
  };
  for (const h of heard) {
    for (const m of h.text.matchAll(plantedNumber)) found(`number ${m[0]}`, h, m.index);
    for (const m of h.text.matchAll(plantedMeritsPattern)) found(`number ${m[0]}`, h, m.index);
    for (const m of h.text.matchAll(plantedToken)) found(tokenTrace(m[0]), h, m.index);
    for (const m of h.text.matchAll(whisperPattern)) found(whisperTrace(m[0]), h, m.index);
    search(h, '"persona":', personaTrace);
    search(h, '"rationale":', rationaleTrace);
  }
  for (const f of frames) {
    for (const m of f.text.matchAll(plantedToken)) found(tokenTrace(m[0]), f, m.index);
    for (const m of f.text.matchAll(whisperPattern)) found(whisperTrace(m[0]), f, m.index);
    // A field's name, not a word such as "personal".
    search(f, /(?<![a-zA-Z])persona(?![a-zA-Z])/, personaTrace);
    search(f, /(?<![a-zA-Z])rationale(?![a-zA-Z])/, rationaleTrace);
  }
  return traces;
}

/** The traces of a party's planted payoffs on `issues`. */
export const payoffTraces = (owner: PartyCanaries, issues: readonly string[]): string[] =>
  issues.flatMap((issue) => Object.values(owner.payoffs[issue] ?? {}).map(numberTrace));

/** The traces of a party's planted legal merits on `issues` (all when omitted). */
export const meritsTraces = (owner: PartyCanaries, issues?: readonly string[]): string[] =>
  Object.entries(owner.merits)
    .filter(([issue]) => !issues || issues.includes(issue))
    .map(([, m]) => numberTrace(m));

export const bonusTraces = (owner: PartyCanaries): string[] => [
  ...Object.values(owner.creativeBonus).map(numberTrace),
  ...(owner.agreementBonus === undefined ? [] : [numberTrace(owner.agreementBonus)]),
];
