import type { TableView } from "@parley/shared";

/** A party's display name in a view. */
export const partyName = (view: Pick<TableView, "parties">, id: string): string =>
  view.parties.find((p) => p.id === id)?.name ?? id;

export const optionName = (view: Pick<TableView, "scenario">, issueId: string, optionId: string): string =>
  view.scenario.issues.find((i) => i.id === issueId)?.options.find((o) => o.id === optionId)?.label ?? optionId;

export const issueName = (view: Pick<TableView, "scenario">, issueId: string): string =>
  view.scenario.issues.find((i) => i.id === issueId)?.name ?? issueId;

export const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
