import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/src/scenarios/catalog.ts";
import { shippedScenarioIds } from "./scenarioFiles.ts";

describe("the server's scenario catalog", () => {
  it("loads all seven scenarios and skips none", () => {
    const catalog = loadCatalog();
    expect(catalog.problems).toEqual([]);
    expect(
      catalog
        .list()
        .map((s) => s.id)
        .sort(),
    ).toEqual(shippedScenarioIds);
    for (const id of shippedScenarioIds) expect(catalog.get(id)?.id).toBe(id);
  });
});
