import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initialState, parseScenario, viewFor } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { defaultScenarioDir } from "../../server/src/scenarios/catalog.ts";

const source = readFileSync(join(defaultScenarioDir, "us-china-tariffs.yaml"), "utf8");
/** The U.S.–China scenario with China's id renamed everywhere it is used as an id. */
const renamed = (id: string) => parseScenario(source.replace(/\bchina\b/g, id));

describe("seat ids that name a viewer", () => {
  it("a party may not be called 'instructor', 'observer' or 'system': its player would get that view", () => {
    const control = renamed("beijing");
    expect(control.ok).toBe(true);
    if (control.ok) {
      // Why it matters: `viewFor` reads the viewer "instructor" as the instructor, with every secret.
      const state = initialState(control.scenario, 1);
      expect(viewFor(state, "instructor").secrets?.beijing?.confidentialBrief).toBeTruthy();
    }
    for (const id of ["instructor", "observer", "system"]) {
      const result = renamed(id);
      expect(result.ok, id).toBe(false);
      if (!result.ok) {
        expect(result.problems.map((p) => p.message)).toContain(
          `'${id}' is reserved (it names a viewer or the table itself); choose another id`,
        );
      }
    }
  });
});
