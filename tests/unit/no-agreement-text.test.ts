import { apply, type GameState, initialState, type Move, validate, viewFor } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { noAgreementText } from "../../client/src/table/noAgreementText.ts";
import { shippedScenarios } from "../property/fixtures.ts";

const found = shippedScenarios().find((s) => s.id === "camp-david-1978");
if (!found) throw new Error("fixture: camp-david-1978");
const scenario = found;

function step(state: GameState, seat: string, move: Move): GameState {
  const result = validate(state, seat, move);
  if (!result.ok) throw new Error(result.rejection.message);
  return apply(state, result.event);
}

describe("why a game ended without agreement, on its end screen", () => {
  const walkedOut = step(initialState(scenario, 1), "egypt", { kind: "walkAway" });

  it("says who walked away: you, to the one who did; the party's name to the others", () => {
    expect(walkedOut.outcome).toMatchObject({ kind: "noAgreement", reason: "walkout" });
    expect(noAgreementText(viewFor(walkedOut, "egypt"), "walkout")).toBe("You walked away, leaving too few to agree.");
    expect(noAgreementText(viewFor(walkedOut, "israel"), "walkout")).toBe(
      "Egypt walked away, leaving too few to agree.",
    );
  });

  it("gives the other reasons as they were", () => {
    expect(noAgreementText(viewFor(walkedOut, "israel"), "roundLimit")).toBe("The rounds ran out.");
  });
});
