import { botPersonas } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { personaReveal } from "../../client/src/ui/names.ts";

const described = (id: string) => botPersonas.find((p) => p.id === id)?.description;

describe("a bot's persona, as the end of a game reveals it", () => {
  it("says which persona the default played at the seat, and describes that one", () => {
    // The default's own line ("Suits its seat: tit-for-tat for a state, …") left the student to work it out.
    expect(personaReveal("simple", "state")).toEqual({
      name: "Default",
      plays: "Tit-for-tat",
      description: described("titForTat"),
    });
    expect(personaReveal("simple", "mediator")).toMatchObject({
      plays: "Mediator",
      description: described("mediator"),
    });
    expect(personaReveal("simple", "ngo")).toMatchObject({ plays: "Track II builder" });
  });

  it("names any other persona as it is, with its own description", () => {
    expect(personaReveal("hardliner", "state")).toEqual({ name: "Hardliner", description: described("hardliner") });
  });

  it("names an unknown persona by its id, without a description", () => {
    expect(personaReveal("retired-persona", "state")).toEqual({ name: "retired-persona" });
    expect(personaReveal(undefined, "state")).toEqual({ name: "unknown" });
  });
});
