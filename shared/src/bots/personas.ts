import type { Framing } from "../rules/types.ts";

/** How a bot guesses what the other parties value, beyond what they revealed to it. */
export type OpponentModel =
  /** Assumes a fixed pie: what is good for me is bad for them. */
  | "fixedPie"
  /** Learns from their proposals (what they keep, what they give up) and their legal claims. */
  | "learned";

/** What a bot does about a mediator or an arbitrator. */
export type ThirdPartyStance = "seek" | "accept" | "refuse";

/**
 * Every choice that distinguishes one persona from another. One decision procedure
 * (decide.ts) reads them; a persona is a row of this table, not code of its own.
 */
export interface PersonaParameters {
  // ---- Concession ----
  /** The aspiration falls from the best package to the floor as t^e over the rounds: e > 1 concedes late (Boulware), e < 1 early. */
  concessionExponent: number;
  /** The floor sits this share of the way from the reservation value up to the best package. */
  floorShare: number;
  /** The extra share of its surplus a bot asks for as insurance when it distrusts the other side (scaled by how far trust is below 50). */
  distrustPremium: number;
  /** Concedes as much as the others conceded to it (tit-for-tat on concessions). */
  mirrorsConcessions: boolean;
  // ---- Packages ----
  opponentModel: OpponentModel;
  /** Framing of its first proposal. */
  openingFraming: Framing;
  /** Framing of later proposals. */
  framing: Framing;
  /** A last proposal in the final round is an ultimatum. */
  ultimatumAtEnd: boolean;
  /** Uses `concede` (one issue at a time, a competitive move) instead of new proposals once it has one open. */
  concedesStepwise: boolean;
  /** Rejects every offer it will not take (others let ordinary offers stand and reject only hard demands). */
  rejectsOpenly: boolean;
  // ---- Competitive bargaining ----
  /** Threatens its measures early to add pressure. */
  threatens: boolean;
  /** Imposes a threatened measure when its proposals are refused. */
  escalatesWhenRefused: boolean;
  /** Answers an offer of joint fact-finding by withholding information. */
  withholdsFromProbes: boolean;
  /** Answers each counterpart's last approach in kind (tit-for-tat on approaches). */
  mirrorsApproach: boolean;
  // ---- Mutual gains ----
  /** Shares its interests early with the other parties. */
  sharesInterests: boolean;
  /** Puts creative options on the table once groundwork and trust allow. */
  proposesCreative: boolean;
  /** Stops sharing and hardens against a counterpart that answers openness with pressure. */
  guardsAgainstExploitation: boolean;
  // ---- Track II ----
  /** Rounds spent on Track II measures (workshops, confidence-building, back channels) before bargaining. */
  trackTwoRounds: number;
  // ---- Third parties ----
  mediation: ThirdPartyStance;
  /** No persona asks for arbitration on its own (a student can); this says whether it consents when asked. */
  arbitration: ThirdPartyStance;
  // ---- Judicial settlement ----
  /** Files a claim where its own legal merits are at least this (null: never litigates). */
  litigatesFromMerits: number | null;
  /** Accepts a court's jurisdiction when its own merits are at least this. */
  acceptsJurisdictionFromMerits: number;
  /** Defies a binding ruling that costs it. */
  defiesRulings: boolean;
}

export type PersonaId = "hardliner" | "conceder" | "titForTat" | "integrator" | "legalist" | "mediator" | "trackTwo";

export interface BotPersona {
  id: string;
  name: string;
  /** One line for the persona picker and the debrief. */
  description: string;
}

interface PersonaRow extends BotPersona {
  id: PersonaId;
  parameters: PersonaParameters;
}

const base: PersonaParameters = {
  concessionExponent: 1.5,
  floorShare: 0.1,
  distrustPremium: 0.5,
  mirrorsConcessions: false,
  opponentModel: "fixedPie",
  openingFraming: "plain",
  framing: "plain",
  ultimatumAtEnd: false,
  concedesStepwise: false,
  rejectsOpenly: false,
  threatens: false,
  escalatesWhenRefused: false,
  withholdsFromProbes: false,
  mirrorsApproach: false,
  sharesInterests: false,
  proposesCreative: false,
  guardsAgainstExploitation: false,
  trackTwoRounds: 0,
  mediation: "accept",
  arbitration: "accept",
  litigatesFromMerits: null,
  acceptsJurisdictionFromMerits: 0.4,
  defiesRulings: false,
};

/** The persona table. Sessions store these ids; keep them stable. */
const rows: PersonaRow[] = [
  {
    id: "hardliner",
    name: "Hardliner",
    description: "Anchors high, threatens and escalates when refused, concedes late and little, refuses mediators.",
    parameters: {
      ...base,
      concessionExponent: 4,
      floorShare: 0.3,
      distrustPremium: 0.5,
      openingFraming: "anchor",
      framing: "plain",
      ultimatumAtEnd: true,
      concedesStepwise: true,
      rejectsOpenly: true,
      threatens: true,
      escalatesWhenRefused: true,
      withholdsFromProbes: true,
      mediation: "refuse",
      arbitration: "refuse",
      acceptsJurisdictionFromMerits: 0.6,
      defiesRulings: true,
    },
  },
  {
    id: "conceder",
    name: "Conceder",
    description: "Concedes early and steadily to reach a deal; accepts mediators and courts.",
    parameters: {
      ...base,
      concessionExponent: 0.5,
      floorShare: 0,
      distrustPremium: 0.4,
      acceptsJurisdictionFromMerits: 0,
    },
  },
  {
    id: "titForTat",
    name: "Tit-for-tat",
    description:
      "Opens cooperatively, then answers each move in kind: concessions with concessions, pressure with pressure.",
    parameters: {
      ...base,
      concessionExponent: 2.5,
      distrustPremium: 0.5,
      mirrorsConcessions: true,
      mirrorsApproach: true,
      arbitration: "refuse",
    },
  },
  {
    id: "integrator",
    name: "Integrator",
    description:
      "Shares interests, trades across issues and proposes creative options; hardens against a side that exploits its openness.",
    parameters: {
      ...base,
      concessionExponent: 1,
      floorShare: 0.05,
      opponentModel: "learned",
      openingFraming: "package",
      framing: "package",
      sharesInterests: true,
      proposesCreative: true,
      guardsAgainstExploitation: true,
      mediation: "seek",
      acceptsJurisdictionFromMerits: 0.3,
    },
  },
  {
    id: "legalist",
    name: "Legalist",
    description: "Takes legal issues to court where its case is strong, complies with rulings, and waits for them.",
    parameters: { ...base, litigatesFromMerits: 0.55, acceptsJurisdictionFromMerits: 0 },
  },
  {
    id: "mediator",
    name: "Mediator",
    description:
      "Seeks mediation and frames its offers as packages near the fair (Nash) point; in a mediator's seat, wins the parties' consent, then proposes such packages and shuttles between them.",
    parameters: {
      ...base,
      concessionExponent: 1.2,
      floorShare: 0.05,
      opponentModel: "learned",
      openingFraming: "package",
      framing: "package",
      proposesCreative: true,
      mediation: "seek",
    },
  },
  {
    id: "trackTwo",
    name: "Track II builder",
    description: "Starts with confidence-building, workshops and back channels, then negotiates an agreement.",
    parameters: {
      ...base,
      concessionExponent: 1.2,
      floorShare: 0.05,
      proposesCreative: true,
      trackTwoRounds: 2,
      mediation: "seek",
    },
  },
];

/**
 * `simple` was the walking skeleton's only persona; sessions created then store it. It now
 * means "the usual persona for the seat", which is also what an empty seat gets by default.
 */
export const defaultPersonaId = "simple";

/** The personas a seat can be given, as the persona picker lists them. */
export const botPersonas: readonly BotPersona[] = [
  {
    id: defaultPersonaId,
    name: "Default",
    description:
      "Suits its seat: tit-for-tat for a state, the mediator for a mediator, the Track II builder for an NGO.",
  },
  ...rows.map(({ id, name, description }) => ({ id, name, description })),
];

export type SeatKind = "state" | "mediator" | "ngo";

/** The persona an unnamed seat plays: by the kind of party it is. */
export function defaultPersonaFor(kind: SeatKind): PersonaId {
  return kind === "mediator" ? "mediator" : kind === "ngo" ? "trackTwo" : "titForTat";
}

/**
 * The personas that play a seat of this kind as their descriptions say: every one for a
 * state; for a mediator or an NGO, the default and the one persona that plays that role (a
 * mediator's seat plays the mediator whatever its persona, and only a Track II builder
 * facilitates from an NGO's seat, so a "Hardliner" World Bank played as a mediator).
 */
export function personasForSeat(kind: SeatKind): readonly BotPersona[] {
  if (kind === "state") return botPersonas;
  const fitting = defaultPersonaFor(kind);
  return botPersonas.filter((p) => p.id === defaultPersonaId || p.id === fitting);
}

/**
 * The persona a seat of this kind gets when `id` is asked for: `id` itself when it fits the
 * seat (see personasForSeat), else the persona that plays the seat's role. A session's
 * personas are handed out in turn over every seat, and a solo player's choice may name any:
 * a third party's seat still gets a persona that fits it, and the dashboard, the exports
 * and the end screen name that one.
 */
export function fittingPersona(id: string, kind: SeatKind): string {
  return personasForSeat(kind).some((p) => p.id === id) ? id : defaultPersonaFor(kind);
}

/**
 * Whether a state played by this persona does what its description says at this scenario's
 * table: a Legalist needs an issue that can go before a forum, and the Mediator persona (which
 * seeks mediation) a mediator to seek. A solo game's surprise is drawn among those, so the end
 * does not reveal "a Legalist: takes legal issues to court" at a table with no court.
 */
export function personaHasWorkIn(
  id: string,
  scenario: { issues: readonly { legal?: unknown }[]; parties: readonly { kind: SeatKind }[] },
): boolean {
  if (id === "legalist") return scenario.issues.some((issue) => issue.legal !== undefined);
  if (id === "mediator") return scenario.parties.some((party) => party.kind === "mediator");
  return true;
}

/** The persona a seat's id stands for (`simple` and unknown ids fall back to the seat's default). */
export function resolvePersona(id: string, kind: SeatKind): PersonaRow {
  const found = rows.find((row) => row.id === id);
  if (found) return found;
  const fallback = defaultPersonaFor(kind);
  return rows.find((row) => row.id === fallback) as PersonaRow;
}

/** Whether an id names a persona (the default included). */
export function isPersonaId(id: string): boolean {
  return botPersonas.some((p) => p.id === id);
}

/** The ids of the personas proper, without the default. */
export const personaIds: readonly PersonaId[] = rows.map((row) => row.id);
