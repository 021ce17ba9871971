import { apply, type GameState, initialState, type LogEntry, type Move, validate, viewFor } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { botReasons } from "../../client/src/table/botReasons.ts";
import { shippedScenarios } from "../property/fixtures.ts";

const found = shippedScenarios().find((s) => s.id === "camp-david-1978");
if (!found) throw new Error("fixture: camp-david-1978");
const scenario = found;
const seatOf = (kind: string, i = 0) => scenario.parties.filter((p) => p.kind === kind)[i]?.id as string;
const [egypt, israel, mediator] = [seatOf("state"), seatOf("state", 1), seatOf("mediator")];
const name = (seat: string) => scenario.parties.find((p) => p.id === seat)?.name ?? seat;

function step(state: GameState, seat: string, move: Move): GameState {
  const result = validate(state, seat, move);
  if (!result.ok) throw new Error(result.rejection.message);
  return apply(state, result.event);
}

describe("why the bots did what they did, at the end of a game", () => {
  // Egypt's bot tells the mediator privately why it will not take a proposal, then passes.
  let state = initialState(scenario, 1);
  state = step(state, egypt, { kind: "chat", text: "We cannot accept your proposal as it stands.", to: [mediator] });
  state = step(state, israel, { kind: "pass" });
  const log: LogEntry[] = viewFor(state, mediator).log.map((e) =>
    e.by === egypt ? { ...e, rationale: "Told the mediator what it needs." } : { ...e },
  );

  it("names who said a bot's chat line, and to whom (the bare message left the reader guessing)", () => {
    const [said] = botReasons(log, [egypt, israel], name);
    expect(said?.text).toBe(
      `${name(egypt)} (to ${name(mediator)} only): “We cannot accept your proposal as it stands.”`,
    );
    expect(said?.why).toBe("Told the mediator what it needs.");
    expect(said?.round).toBe(1);
  });

  it("lists only the bots' moves that carry a reason", () => {
    expect(botReasons(log, [egypt, israel], name)).toHaveLength(1);
    expect(botReasons(log, [israel], name)).toHaveLength(0);
  });
});
