import {
  andList,
  botPersonas,
  capitalised,
  defaultPersonaFor,
  defaultPersonaId,
  type Player,
  type SeatKind,
  type TableView,
} from "@parley/shared";

/** A party's display name in a view. */
export const partyName = (view: Pick<TableView, "parties">, id: string): string =>
  view.parties.find((p) => p.id === id)?.name ?? id;

export const optionName = (view: Pick<TableView, "scenario">, issueId: string, optionId: string): string =>
  view.scenario.issues.find((i) => i.id === issueId)?.options.find((o) => o.id === optionId)?.label ?? optionId;

export const issueName = (view: Pick<TableView, "scenario">, issueId: string): string =>
  view.scenario.issues.find((i) => i.id === issueId)?.name ?? issueId;

/** Names as read in a sentence ("A, B and C"): the rules' own joining. */
export const list = andList;

/** A bot persona's display name ("Default", "Tit-for-tat") from its id. */
export const personaName = (id: string | undefined): string => botPersonas.find((p) => p.id === id)?.name ?? id ?? "?";

/** A bot's persona as the end of a game reveals it: its name, the persona it played, and how that plays. */
export interface PersonaReveal {
  name: string;
  /** For the default: the persona it plays at a seat of this kind ("Tit-for-tat" for a state). */
  plays?: string;
  description?: string;
}

/**
 * The default persona only names the seat's usual one, and its own line ("Suits its seat:
 * tit-for-tat for a state, the mediator for a mediator…") left a student to work out which:
 * the reveal says which persona it played, and describes that one.
 */
export function personaReveal(id: string | undefined, kind: SeatKind): PersonaReveal {
  const persona = botPersonas.find((p) => p.id === id);
  if (!persona) return { name: id ?? "unknown" };
  if (persona.id !== defaultPersonaId) return { name: persona.name, description: persona.description };
  const played = botPersonas.find((p) => p.id === defaultPersonaFor(kind));
  return { name: persona.name, plays: played?.name, description: played?.description };
}

/** Whether a seat is a third party (a mediator, an NGO): not bound by the deal, scored by its aims. */
export const isThirdParty = (view: Pick<TableView, "parties">, seat: string | undefined): boolean => {
  const kind = view.parties.find((p) => p.id === seat)?.kind;
  return kind !== undefined && kind !== "state";
};

/**
 * A party's kind to show beside its name ("state", "ngo"), or nothing when the name ends
 * with its role in brackets already ("India (mediator)", "World Bank (facilitator)").
 */
export const kindBesideName = (party: { name: string; kind: string }): string | undefined =>
  /\([^)]+\)$/.test(party.name.trim()) ? undefined : party.kind;

/**
 * A party in a list of the seats ("Egypt, Israel, United States (mediator)"): a third party
 * with its kind, unless its name ends with its role in brackets ("Oman (host)"), as the solo
 * set-up and the briefs show it. The teach form had read "Oman (host) (mediator)".
 */
export const seatListName = (party: { name: string; kind: string }): string => {
  const kind = party.kind === "state" ? undefined : kindBesideName(party);
  return kind ? `${party.name} (${kind})` : party.name;
};

/** A phrase as a sentence's start: its first letter a capital (the rules' own). */
export { capitalised };

/** A name's possessive: "China’s", and "United States’" for a name ending in s. */
export const possessive = (name: string): string => (/s$/i.test(name) ? `${name}’` : `${name}’s`);

/** Who played a seat, in order (see playedBy), in words within a sentence: "a bot, then Ivy". */
export const playersPhrase = (players: readonly Player[]): string =>
  players
    .map((p) => (p.type === "human" ? p.name || "a player" : p.persona ? `a bot (${personaName(p.persona)})` : "a bot"))
    .join(", then ");

/** The same, standing alone: "Asha, then a bot (Hardliner)", "A bot, then Ivy". */
export const playersText = (players: readonly Player[]): string => capitalised(playersPhrase(players));
