import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { botDice, decideBotMove, type GameEvent, viewFor } from "@parley/shared";
import { afterAll, describe, expect, it, vi } from "vitest";
import { loadCatalog } from "../scenarios/catalog.ts";
import { openSqliteStore } from "../store/sqlite.ts";
import type { Store, TableRecord } from "../store/store.ts";
import { LiveTable } from "./liveTable.ts";

const work = mkdtempSync(join(tmpdir(), "parley-live-table-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A U.S.–China table (seed 4) with these controllers, and the scenario. */
function usChinaTable(id: string, controllers: TableRecord["controllers"]) {
  const scenario = loadCatalog().get("us-china-tariffs");
  if (!scenario) throw new Error("scenario missing");
  const record: TableRecord = {
    id,
    scenarioId: scenario.id,
    seed: 4,
    seats: ["usa", "china"],
    controllers,
    createdAt: new Date(0).toISOString(),
  };
  return { scenario, record };
}

describe("a live table whose stored log these rules cannot fold", () => {
  it("refuses to resume, naming the event, rather than carry on from part of its log", async () => {
    const store = await openSqliteStore(join(work, "unfoldable.sqlite"));
    const { scenario, record } = usChinaTable("t-unfoldable", {
      usa: { type: "human", name: "Ana" },
      china: { type: "human", name: "Lin" },
    });
    const table = await LiveTable.create(store, scenario, record);
    expect((await table.submit("usa", { kind: "chat", text: "hello" })).ok).toBe(true);
    // An event of a kind of move these rules no longer have (stored under other rules).
    await store.appendEvent(record.id, { seq: 1, by: "china", move: { kind: "retiredMove" } } as unknown as GameEvent);
    await expect(LiveTable.load(store, scenario, record)).rejects.toThrow(
      /^Table t-unfoldable cannot resume: these rules \(version \d+\) cannot fold its event 1 \(No rule for move 'retiredMove'\)/,
    );
    await store.close();
  });
});

describe("a live table with a bot", () => {
  it("stores the bot's reason with its move, and a table rebuilt from the log has it too", async () => {
    const store = await openSqliteStore(join(work, "parley.sqlite"));
    const { scenario, record } = usChinaTable("t-rationale", {
      usa: { type: "bot", persona: "hardliner" },
      china: { type: "human", name: "Lin" },
    });
    const table = await LiveTable.create(store, scenario, record);
    const decision = decideBotMove(viewFor(table.state, "usa"), "hardliner", { dice: botDice(record.seed, "usa") });
    if (!decision) throw new Error("the bot had nothing to do");
    const submitted = await table.submit("usa", decision.move, decision.rationale);
    expect(submitted.ok).toBe(true);
    const [stored] = await store.events(record.id);
    expect(stored?.event).toMatchObject({ by: "usa", move: decision.move, rationale: decision.rationale });

    const rebuilt = await LiveTable.load(store, scenario, record);
    expect(rebuilt.state).toEqual(table.state);
    // The instructor reads the reason now; China, still playing, does not.
    const reason = (viewer: string) => viewFor(rebuilt.state, viewer).log.find((e) => e.by === "usa")?.rationale;
    expect(reason("instructor")).toBe(decision.rationale);
    expect(reason("china")).toBeUndefined();
    await store.close();
  });
});

describe("a live table's system move", () => {
  it("tells the room it is committed right after the views of it, before the disk has it", async () => {
    const inner = await openSqliteStore(join(work, "parley-commit.sqlite"));
    let sync: () => void = () => undefined;
    const synced = new Promise<void>((resolve) => {
      sync = resolve;
    });
    // The fsync is held back until the test lets it go.
    const store: Store = Object.assign(Object.create(inner), {
      commitEvent: async (tableId: string, event: Parameters<Store["commitEvent"]>[1]) => {
        const { durable } = await inner.commitEvent(tableId, event);
        return { durable: durable.then(() => synced) };
      },
    });
    const scenario = loadCatalog().get("us-china-tariffs");
    if (!scenario) throw new Error("scenario missing");
    const table = await LiveTable.create(store, scenario, {
      id: "t-commit",
      scenarioId: scenario.id,
      seed: 1,
      seats: ["usa", "china"],
      controllers: { usa: { type: "human", name: "Ada" }, china: { type: "human", name: "Lin" } },
      createdAt: new Date(0).toISOString(),
    });
    const heard: string[] = [];
    table.onEvent((event) => heard.push(`view ${event.seq}`));
    let answered = false;
    const submitted = table
      .submitSystem({ kind: "broadcast", text: "Ten minutes left" }, (event) => heard.push(`notice ${event.seq}`))
      .then((result) => {
        answered = true;
        return result;
      });
    await vi.waitFor(() => expect(heard).toEqual(["view 0", "notice 0"]));
    expect(answered).toBe(false);
    sync();
    expect((await submitted).ok).toBe(true);

    // A refused move says nothing.
    const refused = await table.submitSystem({ kind: "injectEvent", eventId: "no-such-event" }, () =>
      heard.push("notice of a refused move"),
    );
    expect(refused.ok).toBe(false);
    expect(heard).toEqual(["view 0", "notice 0"]);
    await inner.close();
  });
});

describe("the seats a bot covers for a student, read from a stored log", () => {
  it("are those whose last change of player was a bot taking over from a student, after a restart too", async () => {
    const store = await openSqliteStore(join(work, "covered.sqlite"));
    const { scenario, record } = usChinaTable("t-covered", {
      usa: { type: "human", name: "Ana" },
      china: { type: "bot", persona: "simple" },
    });
    const bot = { type: "bot" as const, persona: "simple" };
    const table = await LiveTable.create(store, scenario, record);
    const seat = (seat: string, controller: typeof bot | { type: "human"; name: string }) =>
      table.submitSystem({ kind: "setController", seat, controller });
    await seat("usa", bot);
    expect(table.coveredBy("usa")).toEqual({ since: 0, name: "Ana" });
    // Back, then away again: the last takeover counts.
    await seat("usa", { type: "human", name: "Ana" });
    expect(table.coveredBy("usa")).toBeUndefined();
    await seat("usa", bot);
    expect(table.coveredBy("usa")).toEqual({ since: 2, name: "Ana" });
    // A bot's seat from the start taken by a latecomer, then handed back to a bot: Lin's cover.
    expect(table.coveredBy("china")).toBeUndefined();
    await seat("china", { type: "human", name: "Lin" });
    await seat("china", bot);
    const loaded = await LiveTable.load(store, scenario, record);
    expect(loaded.coveredBy("usa")).toEqual({ since: 2, name: "Ana" });
    expect(loaded.coveredBy("china")).toEqual({ since: 4, name: "Lin" });
    await store.close();
  });
});
