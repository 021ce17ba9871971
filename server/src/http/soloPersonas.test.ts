import { botPersonas, personasForSeat } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { choosePersona, surprise } from "./soloTables.ts";

describe("a solo game's bot personas", () => {
  it("a third party's surprise is the persona that plays its role, never a state's (a 'Hardliner' mediator)", () => {
    for (let i = 0; i < 50; i++) {
      expect(choosePersona(surprise, "mediator")).toBe("mediator");
      expect(choosePersona(undefined, "ngo")).toBe("trackTwo");
    }
  });

  it("a state's surprise is any persona; a choice, or the persona a 'what if' seat had, is kept", () => {
    const ids = botPersonas.map((p) => p.id);
    for (let i = 0; i < 20; i++) expect(ids).toContain(choosePersona(surprise, "state"));
    expect(choosePersona("hardliner", "state")).toBe("hardliner");
    expect(choosePersona(undefined, "mediator", "simple")).toBe("simple");
  });

  it("a choice or a 'what if' seat's persona that does not fit a third party gives way to the one of its role", () => {
    expect(choosePersona("hardliner", "mediator")).toBe("mediator");
    expect(choosePersona("integrator", "ngo")).toBe("trackTwo");
    expect(choosePersona(undefined, "ngo", "hardliner")).toBe("trackTwo");
    expect(choosePersona("mediator", "mediator")).toBe("mediator");
    expect(choosePersona("simple", "ngo")).toBe("simple");
  });

  it("the setup offers a third party only the default and the persona of its role", () => {
    expect(personasForSeat("state")).toEqual(botPersonas);
    expect(personasForSeat("mediator").map((p) => p.id)).toEqual(["simple", "mediator"]);
    expect(personasForSeat("ngo").map((p) => p.id)).toEqual(["simple", "trackTwo"]);
  });
});
