import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { botDice, decideBotMove, viewFor } from "@parley/shared";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../scenarios/catalog.ts";
import { openSqliteStore } from "../store/sqlite.ts";
import { LiveTable } from "./liveTable.ts";

const work = mkdtempSync(join(tmpdir(), "parley-live-table-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a live table with a bot", () => {
  it("stores the bot's reason with its move, and a table rebuilt from the log has it too", async () => {
    const store = await openSqliteStore(join(work, "parley.sqlite"));
    const scenario = loadCatalog().get("us-china-tariffs");
    if (!scenario) throw new Error("scenario missing");
    const record = {
      id: "t-rationale",
      scenarioId: scenario.id,
      seed: 4,
      seats: ["usa", "china"],
      controllers: {
        usa: { type: "bot" as const, persona: "hardliner" },
        china: { type: "human" as const, name: "Lin" },
      },
      createdAt: new Date(0).toISOString(),
    };
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
