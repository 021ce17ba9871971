import { type GameEvent, type GameState, isSystemEvent, viewFor } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { foldLog, type TableLogData } from "../../client/src/debrief/foldLog.ts";
import {
  Eavesdropper,
  expectHeard,
  expectNeverHeard,
  type Heard,
  type Recording,
  recordingOf,
} from "../helpers/eavesdrop.ts";
import {
  batnaSecret,
  bonusSecret,
  briefSecret,
  fragmentSecret,
  meritsSecret,
  payoffSecret,
  personaSecret,
  revealedPayoffs,
  type Secret,
  tokenSecret,
} from "../helpers/secrets.ts";
import { bootTestServer, type TestServer } from "../helpers/server.ts";

/**
 * Hidden information in solo play (bots play at once here): a surprise persona and the
 * other seats' secrets stay hidden from the player until the game ends, at every stage,
 * on every path; and a student's "what if" branch cannot open a full debrief while
 * classmates still play.
 */

let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer({ botDelayMs: 0 });
});
afterAll(async () => {
  await server.stop();
});

/** Every state of a table while it was played (the ended ones left out), folded from its raw log. */
const statesDuringPlay = (log: TableLogData): GameState[] => foldLog(log).states.filter((s) => s.phase === "playing");

/**
 * The probe for `owner`'s payoff table as `reader` knew it in `state`: a bot may have
 * shared its interests (mutual gains), and the issues it shared were the reader's to see
 * (checked: they did reach it); the probe covers the others, none when all were shared.
 */
function unsharedPayoffs(state: GameState, owner: string, reader: string, readerHeard: readonly Heard[]): Secret[] {
  const scenario = state.scenario;
  const shared = state.families.revealed[owner]?.[reader] ?? [];
  const unshared = Object.keys(scenario.parties.find((p) => p.id === owner)?.payoffs ?? {}).filter(
    (issue) => !shared.includes(issue),
  );
  if (shared.length > 0) {
    expectHeard(readerHeard, [revealedPayoffs(scenario, owner, shared, reader)], `${reader}'s shared tables`);
  }
  if (unshared.length === 0) return [];
  return [payoffSecret(scenario, owner, { seat: reader, revealed: { [owner]: shared } }, unshared)];
}

/**
 * The reasons bots gave for their moves (the log entries' `rationale`), each found by its
 * text: they reveal a bot's persona and aims, so seats read them only once the game ends.
 */
function rationaleSecret(events: readonly { event: GameEvent }[], upToSeq: number): Secret {
  const reasons = [
    ...new Set(
      events.flatMap(({ event }) =>
        !isSystemEvent(event) && event.seq <= upToSeq && event.rationale ? [event.rationale] : [],
      ),
    ),
  ];
  if (reasons.length === 0) throw new Error("No bot gave a reason for a move: nothing to probe");
  const json = reasons.map((r) => JSON.stringify(r).slice(1, -1));
  return {
    label: "the bots' reasons for their moves",
    json,
    // In raw frames too, where a reason travels unescaped: those that JSON leaves as they are.
    text: reasons.filter((r, i) => json[i] === r),
  };
}

/** The same tries as any curious player: the debrief, a branch, the overview of its session. */
async function tryTheDebriefEarly(player: Eavesdropper, sessionId: string) {
  expect((await player.call("GET", "/me/log")).status).toBe(409);
  expect((await player.call("POST", "/me/branch", { at: 0 })).status).toBe(409);
  await player.call("GET", "/me");
  await player.call("GET", "/me/replay?viewer=instructor");
  for (const path of ["", "/tables", "/logs", "/export.json"]) {
    expect((await player.call("GET", `/sessions/${sessionId}${path}`)).status).toBe(403);
  }
  const overview = await player.tryRoom("overview of the solo session", (c) =>
    c.joinOrCreate("session", { sessionId, instructorToken: player.token }),
  );
  expect(overview).toBeUndefined();
}

describe("a solo game against surprise bots", () => {
  it("shows the player only its own seat's secrets, and no persona, until the end", async () => {
    const ida = new Eavesdropper("Ida (solo, India)", server.url);
    const created = await ida.call<{ participantToken: string; tableId: string; session: { id: string } }>(
      "POST",
      "/solo",
      { scenarioId: "indus-waters", seat: "india", name: "Ida Fenwright" },
    );
    expect(created.status).toBe(201);
    ida.token = created.body.participantToken;
    const sessionId = created.body.session.id;
    await ida.connectToMyTable();
    await tryTheDebriefEarly(ida, sessionId);

    // Another solo player who knows Ida's table id cannot sit there, nor learn her token.
    const jon = new Eavesdropper("Jon (another solo game)", server.url);
    const his = await jon.call<{ participantToken: string }>("POST", "/solo", {
      scenarioId: "indus-waters",
      seat: "pakistan",
      name: "Jon Ashby",
    });
    jon.token = his.body.participantToken;
    await jon.connectToMyTable();
    for (const options of [{ participantToken: jon.token }, { instructorToken: jon.token }]) {
      const room = await jon.tryRoom("Ida's table", (c) => c.joinById(created.body.tableId, options));
      expect(room).toBeUndefined();
    }

    // Three rounds, the bots answering each time.
    for (let i = 0; i < 3; i++) {
      const round = ida.lastView()?.round ?? 0;
      expect(await ida.move({ kind: "pass" })).toBe("ack");
      await vi.waitFor(() => expect(ida.lastView()?.round).toBeGreaterThan(round), { timeout: 5000 });
    }
    expect(ida.lastView()?.log.some((entry) => entry.by === "pakistan")).toBe(true);
    await tryTheDebriefEarly(ida, sessionId);
    const beforeTheEnd: Recording = recordingOf(ida);
    const lastSeqBeforeTheEnd = Math.max(...(ida.lastView()?.log.map((entry) => entry.seq) ?? []));

    // Walking out ends a two-state game: everything is revealed now.
    expect(await ida.move({ kind: "walkAway" })).toBe("ack");
    await vi.waitFor(() => expect(ida.lastView()?.phase).toBe("ended"));
    const logResponse = await ida.call<TableLogData>("GET", "/me/log");
    expect(logResponse.status).toBe(200);

    const scenario = logResponse.body.scenario;
    const during = statesDuringPlay(logResponse.body);
    const batnasOf = (seat: string) => during.map((s) => s.batna[seat] ?? 0);
    const atRecording = during.filter((s) => s.seq <= lastSeqBeforeTheEnd + 1).at(-1) as GameState;
    const pakistansTable = unsharedPayoffs(atRecording, "pakistan", "india", beforeTheEnd.heard);
    const secrets: Secret[] = [
      briefSecret(scenario, "pakistan"),
      briefSecret(scenario, "world-bank"),
      ...pakistansTable,
      bonusSecret(scenario, "pakistan", { seat: "india" }),
      meritsSecret(scenario, "pakistan", { seat: "india" }),
      batnaSecret("Pakistan's BATNA during play", batnasOf("pakistan"), batnasOf("india")),
      personaSecret,
      tokenSecret("Jon's token", jon.token ?? ""),
    ];
    // Entitled to all of it: the full debrief now, and the instructor's view at each step.
    const entitled: Heard[] = [
      ...ida.everything(),
      ...during.map((s, i) => ({ where: `instructor's view at ${i}`, text: JSON.stringify(viewFor(s, "instructor")) })),
    ];
    expectHeard(entitled, secrets.slice(0, -1), "the full debrief");
    expectHeard(jon.everything(), [secrets.at(-1) as Secret], "Jon");
    // The player's own merits were in its own view all along (the probe's format is right).
    expectHeard(beforeTheEnd.heard, [fragmentSecret("India's merits on Ratle", '"ratle":0.6')], "Ida's own view");

    expectNeverHeard(beforeTheEnd, secrets);
    expectNeverHeard(jon, [tokenSecret("Ida's token", ida.token ?? "")]);

    // The bots' reasons for the moves they made before the recording: none reached Ida
    // during play; the end screen and the log she may now read show every one of them.
    const reasons = rationaleSecret(logResponse.body.events, lastSeqBeforeTheEnd);
    expectHeard(ida.everything(), [reasons], "Ida after the end");
    expectNeverHeard(beforeTheEnd, [reasons]);
    await ida.leaveRooms();
    await jon.leaveRooms();
  });
});

describe("a student's what-if branch", () => {
  it("waits until every table of the session has ended, or its own debrief would reveal the scenario", async () => {
    const instructor = new Eavesdropper("the instructor", server.url);
    const session = await instructor.call<{ session: { id: string; joinCode: string }; instructorToken: string }>(
      "POST",
      "/sessions",
      { scenarioId: "us-china-tariffs", tables: 2, timing: { mode: "live", roundSeconds: 600 } },
    );
    instructor.token = session.body.instructorToken;
    const pia = new Eavesdropper("Pia (table 1)", server.url);
    const quin = new Eavesdropper("Quin (table 2)", server.url);
    for (const [student, name] of [
      [pia, "Pia Lindqvist"],
      [quin, "Quin Adeyemi"],
    ] as const) {
      const joined = await student.call<{ participantToken: string }>("POST", "/join", {
        code: session.body.session.joinCode,
        name,
        seat: "usa",
      });
      student.token = joined.body.participantToken;
    }
    const me = await pia.call<{ participant: { tableId: string } }>("GET", "/me");
    const piaTable = me.body.participant.tableId;
    const control = (body: unknown) => instructor.call("POST", `/sessions/${session.body.session.id}/control`, body);
    expect((await control({ action: "start" })).status).toBe(200);
    expect((await control({ action: "end", tables: [piaTable] })).status).toBe(200);

    // Pia's table has ended, Quin's plays on. A branch that Pia walks out of would end at
    // once and open its own full debrief: the route refuses it.
    const branch = await pia.call<{ participantToken: string }>("POST", "/me/branch", { at: 0 });
    if (branch.status === 201) {
      pia.token = branch.body.participantToken;
      await pia.connectToMyTable();
      await pia.move({ kind: "walkAway" });
      await vi.waitFor(() => expect(pia.lastView()?.phase).toBe("ended"));
      await pia.call("GET", "/me/log");
    }
    const log = (
      await instructor.call<TableLogData>("GET", `/sessions/${session.body.session.id}/tables/${piaTable}/log`)
    ).body;
    const final = statesDuringPlay(log).at(-1) as GameState;
    const china = [briefSecret(log.scenario, "china"), ...unsharedPayoffs(final, "china", "usa", pia.everything())];
    expectHeard(instructor.everything(), china, "the instructor");
    expectNeverHeard(pia, china);
    expect(branch.status).toBe(409);
    expect(branch.body).toMatchObject({ code: "SessionNotEnded" });

    expect((await control({ action: "end" })).status).toBe(200);
    expect((await pia.call("POST", "/me/branch", { at: 0 })).status).toBe(201);
    await pia.leaveRooms();
  });
});
