import { readFileSync } from "node:fs";
import { botPersonas, loadScenario, personasForSeat } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { choosePersona, consentsToMediation, soloPersonas, surprise } from "./soloTables.ts";

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

  it('a state\'s surprise is a persona proper, never the default (revealed at the end as "the Default bot")', () => {
    for (let i = 0; i < 200; i++) expect(choosePersona(surprise, "state")).not.toBe("simple");
    const drawn = new Set(Array.from({ length: 400 }, () => choosePersona(surprise, "state")));
    expect(drawn).toEqual(new Set(botPersonas.map((p) => p.id).filter((id) => id !== "simple")));
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

describe("a solo mediator's bots", () => {
  const file = new URL("../../../scenarios/russia-ukraine-mediation.yaml", import.meta.url);
  const scenario = loadScenario(readFileSync(file, "utf8"), "russia-ukraine-mediation.yaml");
  const mediator = scenario.parties.find((p) => p.kind === "mediator")?.id as string;
  const states = scenario.parties.filter((p) => p.kind === "state").map((p) => p.id);

  it("a surprise for a party is never a persona that refuses mediation, which left the mediator idle all game", () => {
    expect(consentsToMediation("hardliner")).toBe(false);
    const drawn = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const personas = soloPersonas(scenario, mediator, {});
      for (const s of states) drawn.add(personas[s] as string);
    }
    expect(drawn.has("hardliner")).toBe(false);
    // Every other state persona can still be drawn (the default aside, which only names one of them).
    expect([...drawn].sort()).toEqual(
      botPersonas
        .map((p) => p.id)
        .filter((id) => id !== "simple" && consentsToMediation(id))
        .sort(),
    );
  });

  it("keeps a persona the player chose, a hardliner included; a state's player still meets any surprise", () => {
    expect(soloPersonas(scenario, mediator, { [states[0] as string]: "hardliner" })[states[0] as string]).toBe(
      "hardliner",
    );
    const drawn = new Set<string>();
    for (let i = 0; i < 200; i++)
      drawn.add(soloPersonas(scenario, states[0] as string, {})[states[1] as string] as string);
    expect(drawn.has("hardliner")).toBe(true);
    expect(soloPersonas(scenario, states[0] as string, {})[mediator]).toBe("mediator");
  });
});

describe("a surprise with work to do at the table", () => {
  const load = (id: string) =>
    loadScenario(readFileSync(new URL(`../../../scenarios/${id}.yaml`, import.meta.url), "utf8"), `${id}.yaml`);
  const drawnAgainst = (id: string) => {
    const scenario = load(id);
    const [player, other] = scenario.parties.filter((p) => p.kind === "state").map((p) => p.id) as [string, string];
    return new Set(Array.from({ length: 300 }, () => soloPersonas(scenario, player, {})[other] as string));
  };

  it("is never a Legalist where no issue can go to court, nor the Mediator persona where there is no mediator", () => {
    const drawn = drawnAgainst("india-us-trade-2025");
    expect(drawn.has("legalist")).toBe(false);
    expect(drawn.has("mediator")).toBe(false);
    expect([...drawn].sort()).toEqual(["conceder", "hardliner", "integrator", "titForTat", "trackTwo"]);
  });

  it("can be either where the scenario has a court and a mediator", () => {
    const drawn = drawnAgainst("indus-waters");
    expect(drawn.has("legalist")).toBe(true);
    expect(drawn.has("mediator")).toBe(true);
  });
});
