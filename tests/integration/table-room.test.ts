import type { TableView } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Seen, startSolo } from "../helpers/classroom.ts";
import { bootTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer();
});
afterAll(async () => {
  await server.stop();
});

const last = (seen: Seen) => seen.views[seen.views.length - 1] as TableView;

describe("table room", () => {
  it("plays a human seat against the bot, storing every acknowledged move", async () => {
    const { room, seen } = await startSolo(server.url, {
      scenarioId: "us-china-tariffs",
      seat: "usa",
      name: "Ada",
      seed: 3,
      personas: { china: "simple" },
    });
    await vi.waitFor(() => expect(seen.views.length).toBeGreaterThan(0));
    const view = last(seen);
    expect(view.me?.seat).toBe("usa");
    expect(view.parties.find((p) => p.id === "china")?.controller.type).toBe("bot");

    // Our policy: offer the logrolled package every round and accept any bot proposal
    // worth at least 55 to the United States. The bot concedes over time until they meet.
    const logroll = {
      tariffs: "roll-back-2018",
      purchases: "large",
      chips: "licensing-window",
      minerals: "full-resumption",
      ip: "written-commitments",
      consultation: "standing-working-group",
    };
    let clientSeq = 0;
    const answered = new Set<string>();
    const proposedInRound = new Set<number>();
    const points = (v: TableView, options: Record<string, string>) =>
      Object.entries(options).reduce((sum, [issue, option]) => sum + (v.me?.payoffs[issue]?.[option] ?? 0), 0);
    await vi.waitFor(
      () => {
        const v = last(seen);
        if (v.phase === "ended") return;
        for (const p of v.proposals) {
          if (p.status === "open" && p.to.includes("usa") && !answered.has(p.id)) {
            answered.add(p.id);
            const kind = points(v, p.package.options) >= 55 ? "accept" : "reject";
            room.send("move", { clientSeq: ++clientSeq, move: { kind, proposalId: p.id } });
          }
        }
        const mine = v.parties.find((p) => p.id === "usa");
        if (mine && !mine.acted && !proposedInRound.has(v.round)) {
          proposedInRound.add(v.round);
          room.send("move", {
            clientSeq: ++clientSeq,
            move: { kind: "propose", to: ["china"], package: { options: logroll } },
          });
        }
        throw new Error(`still playing, round ${v.round}`);
      },
      { timeout: 15000, interval: 50 },
    );
    const end = last(seen);
    expect(end.outcome?.kind).toBe("agreement");
    // The bot moves concurrently, so answering a proposal it has just superseded, or moving
    // just after the agreement ended the game, is a fair race; any other refusal would mean
    // our policy broke a rule.
    const races = ["ProposalNotOpen", "GameOver"];
    expect(seen.rejected.filter((r) => !races.includes(r.code))).toEqual([]);
    // At the end both scores are shown, and they are the points of the agreed package.
    const agreed = end.outcome?.kind === "agreement" ? end.outcome.package.options : {};
    expect(end.scores?.find((s) => s.seat === "usa")?.points).toBe(points(end, agreed));
    expect(end.scores?.find((s) => s.seat === "china")?.points).toBeGreaterThan(40);
    // Every acknowledged move is in the store, in order.
    const { openSqliteStore } = await import("../../server/src/store/sqlite.ts");
    const store = await openSqliteStore(server.sqliteFile);
    const stored = await store.events(room.roomId);
    expect(stored.map((s) => s.event.seq)).toEqual(stored.map((_, i) => i));
    expect(stored.length).toBe(end.seq);
    await store.close();
    await room.leave();
  });

  it("refuses a malformed move with a reason and changes nothing", async () => {
    const { room, seen } = await startSolo(server.url, { scenarioId: "us-china-tariffs", seat: "usa", seed: 4 });
    await vi.waitFor(() => expect(seen.views.length).toBeGreaterThan(0));
    const before = last(seen).seq;
    room.send("move", { clientSeq: 7, move: { kind: "propose", to: "china" } });
    room.send("move", { clientSeq: 8, move: { kind: "teleport" } });
    room.send("move", "garbage");
    room.send("nonsense", { x: 1 });
    room.send("move", {
      clientSeq: 9,
      move: { kind: "propose", to: ["china"], package: { options: { tariffs: "t90" } } },
    });
    await vi.waitFor(() => expect(seen.rejected.length).toBe(5));
    expect(seen.rejected.find((r) => r.clientSeq === 7)?.code).toBe("Malformed");
    expect(seen.rejected.find((r) => r.clientSeq === 8)?.message).toMatch(/Malformed move/);
    expect(seen.rejected.find((r) => r.code === "UnknownMessage")).toBeDefined();
    expect(seen.rejected.find((r) => r.clientSeq === 9)?.code).toBe("MissingIssue");
    // The server kept running and the table did not move because of them.
    room.send("move", { clientSeq: 10, move: { kind: "chat", text: "still here?" } });
    await vi.waitFor(() => expect(seen.acks.some((a) => a.clientSeq === 10)).toBe(true));
    expect(last(seen).seq).toBeGreaterThanOrEqual(before);
    await room.leave();
  });

  it("never sends one seat the other seat's private payoffs or BATNA", async () => {
    const { room, seen } = await startSolo(server.url, {
      scenarioId: "us-china-tariffs",
      seat: "china",
      seed: 5,
      // A hardliner never shares its interests, so nothing of its table may reach China.
      personas: { usa: "hardliner" },
    });
    await vi.waitFor(() => expect(seen.views.length).toBeGreaterThan(0));
    room.send("move", { clientSeq: 1, move: { kind: "pass" } });
    await vi.waitFor(() => expect(seen.views.length).toBeGreaterThan(2));
    const all = seen.views.map((v) => JSON.stringify(v)).join("\n");
    // The U.S. confidential brief and its private BATNA never reach China's client.
    expect(all).not.toContain("Your farm and manufacturing lobbies");
    expect(all).not.toContain('"initialBatna":42');
    for (const view of seen.views) {
      expect(view.secrets).toBeUndefined();
      expect(view.me?.seat).toBe("china");
      expect(JSON.stringify(view.revealedToViewer)).toBe("{}");
    }
    await room.leave();
  });
});
