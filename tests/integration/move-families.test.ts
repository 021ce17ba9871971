import type { Room } from "@colyseus/sdk";
import type { Move, Scenario, TableView } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ScenarioCatalog } from "../../server/src/scenarios/catalog.ts";
import { connectStudent, createSession, joinSession, type Seen } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";
import { summit } from "../property/fixtures.ts";

/**
 * One move of every family, played by five people through a real room: the server needs
 * no change for new moves, because it parses them with MoveSchema and calls validate.
 */
let server: TestServer;
beforeAll(async () => {
  const catalog: ScenarioCatalog = {
    get: (id: string): Scenario | undefined => (id === summit.id ? summit : undefined),
    list: () => [summit],
    // Built in code, not read from a file: its sessions play it as it is (no version kept).
    version: () => undefined,
    problems: [],
  };
  // Bots wait a minute: every seat is taken by a person before any bot could move.
  server = await bootTestServer({ botDelayMs: 60_000, catalog });
});
afterAll(async () => {
  await server.stop();
});

interface Player {
  room: Room;
  seen: Seen;
  seq: number;
}

const last = (p: Player) => p.seen.views[p.seen.views.length - 1] as TableView;

/** Sends a move and waits until the server acknowledges it (failing on a refusal). */
async function play(player: Player, move: Move): Promise<void> {
  const clientSeq = ++player.seq;
  player.room.send("move", { clientSeq, move });
  await vi.waitFor(
    () => {
      const refused = player.seen.rejected.find((r) => r.clientSeq === clientSeq);
      if (refused) throw new Error(`${move.kind} refused: ${refused.code}: ${refused.message}`);
      expect(player.seen.acks.map((a) => a.clientSeq)).toContain(clientSeq);
    },
    { timeout: 5000, interval: 20 },
  );
}

describe("every move family through a real room", () => {
  it("plays competitive, mediation, mutual-gains, judicial and Track II moves, with private messages kept private", async () => {
    // Five students of one class session, each asking for a seat at the one table.
    const created = await createSession(server.url, {
      scenarioId: "summit",
      tables: 1,
      timing: { mode: "live", roundSeconds: 3600 },
    });
    const join = async (seat: string, name: string): Promise<Player> => {
      const joined = await joinSession(server.url, created.session.joinCode, name, seat);
      return { ...(await connectStudent(server.url, joined.participantToken)), seq: 0 };
    };
    const a = await join("a", "Ana");
    const b = await join("b", "Ben");
    const c = await join("c", "Cas");
    const m = await join("m", "Mia");
    const n = await join("n", "Noa");
    await vi.waitFor(() => expect(last(n)?.parties.every((p) => p.controller.type === "human")).toBe(true));
    await http(server.url, "POST", `/sessions/${created.session.id}/control`, {
      token: created.instructorToken,
      body: { action: "start" },
    });

    // Round 1: one main move each, and free answers.
    await play(a, { kind: "threaten", target: "b", measureId: "tariff" });
    await play(b, { kind: "inviteMediator" });
    await play(a, { kind: "acceptMediation" });
    await play(c, { kind: "acceptMediation" });
    await vi.waitFor(() => expect(last(m).moves?.find((x) => x.kind === "shuttle")?.available).toBe(true));
    await play(m, { kind: "shuttle", to: "a", text: "Beta would trade aid for water." });
    await play(c, { kind: "shareInterests", to: ["a"], issueIds: ["aid"] });
    await play(n, { kind: "workshop", with: ["a", "b", "c"] });
    await vi.waitFor(() => expect(last(a).round).toBe(2));

    // Round 2: the courts, a mediator's proposal, consent to arbitration, a back channel.
    await play(a, { kind: "fileClaim", issueId: "water" });
    await play(c, { kind: "respondToClaim", claimId: last(c).claims[0]?.id ?? "", consent: true });
    await play(b, { kind: "jointFactFinding", with: "c", issueId: "aid" });
    await play(c, { kind: "jointFactFinding", with: "b", issueId: "aid" });
    await play(m, {
      kind: "mediatorProposal",
      to: ["a", "b", "c"],
      package: { options: { trade: "partial", water: "mid", aid: "some" } },
    });
    await play(n, { kind: "backChannel", to: "b", text: "A quiet word from civil society." });
    await play(b, { kind: "consentArbitration" });
    // A move the rules refuse comes back with its reason and changes nothing.
    const before = last(a).seq;
    a.room.send("move", { clientSeq: 999, move: { kind: "defy", claimId: last(a).claims[0]?.id ?? "" } });
    await vi.waitFor(() =>
      expect(a.seen.rejected.find((r) => r.clientSeq === 999)).toEqual({
        clientSeq: 999,
        code: "NotRuled",
        message: "The court has not ruled on this case yet.",
      }),
    );
    expect(last(a).seq).toBe(before);

    await vi.waitFor(() => expect(last(a).claims[0]?.status).toBe("pending"));
    const viewA = last(a);
    const viewB = last(b);
    // The shuttle message reached Alpha only; the back channel Beta only.
    expect(viewA.log.some((e) => e.text.includes("Beta would trade aid for water."))).toBe(true);
    expect(viewB.log.some((e) => e.text.includes("Beta would trade aid for water."))).toBe(false);
    expect(viewB.log.some((e) => e.text.includes("A quiet word from civil society."))).toBe(true);
    expect(viewA.log.some((e) => e.text.includes("A quiet word from civil society."))).toBe(false);
    // Gamma's interests reached Alpha only (and joint fact-finding showed them to Beta).
    expect(viewA.revealedToViewer.c?.aid).toEqual({ none: 0, some: 15, lots: 25 });
    expect(last(n).revealedToViewer).toEqual({});
    // The mediator's proposal is on the table for the states; the threat is public.
    expect(viewA.proposals.some((p) => p.framing === "mediator" && p.status === "open")).toBe(true);
    expect(last(n).threats).toEqual([{ by: "a", target: "b", measureId: "tariff", round: 1 }]);
    expect(viewA.arbitration.consented).toEqual(["b"]);
    // Every move was taken as one of its approach.
    expect(a.seen.rejected.map((r) => r.code)).toEqual(["NotRuled"]);
    for (const player of [b, c, m, n]) expect(player.seen.rejected).toEqual([]);

    for (const player of [a, b, c, m, n]) await player.room.leave();
  });
});
