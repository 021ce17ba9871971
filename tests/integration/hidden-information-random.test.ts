import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type GameState, isSystemEvent, type Move, personaIds, type SeatId, scoreTable } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldLog, type TableLogData } from "../../client/src/debrief/foldLog.ts";
import { defaultScenarioDir, loadCatalog } from "../../server/src/scenarios/catalog.ts";
import {
  bonusTraces,
  meritsTraces,
  numberTrace,
  type PlantedScenario,
  payoffTraces,
  personaTrace,
  plantEveryScenario,
  rationaleTrace,
  tokenTrace,
  tracesIn,
  whisper,
  whisperTrace,
} from "../helpers/canaries.ts";
import { Eavesdropper, type Mark } from "../helpers/eavesdrop.ts";
import { bootTestServer, type TestServer } from "../helpers/server.ts";
import { type Chooser, contextOfView, randomKind, randomMoveIn, seededChooser } from "../property/randomPlay.ts";

/**
 * Hidden information over many random games. Every scenario is served with canaries planted
 * in its private data (helpers/canaries.ts): each party's payoffs, BATNA, bonuses and legal
 * merits are numbers found nowhere else, each confidential brief carries a token. Class
 * sessions of two tables are played through the real server, with students (Colyseus
 * clients) in some seats making random legal moves from their own views and bots in the
 * others, one seat combination per table; a seat played alone is also played as a solo
 * game. Every message a student sends carries a mark of its own. Everything each student
 * received (every frame, message, room state and HTTP answer) until the session's results
 * open is searched for another party's canaries, a bot's persona or its reasons, and the
 * messages meant for others; only what the rules reveal is allowed (a shared table, to its
 * addressees; merits clarified by joint fact-finding, to its parties), and each student must
 * have received its own canaries and messages.
 *
 * `LEAK_GAMES` sets the number of tables played (default 14, two per scenario; `all`: every
 * seat combination of every scenario once); `LEAK_SEED` the seed of the draw of seats,
 * rounds and moves (the bots answer as fast as the server runs, so two runs of one seed
 * interleave a little differently).
 */

/** `all`: every seat combination of every scenario once (321 tables). */
const everyCombination = process.env.LEAK_GAMES === "all";
const games = everyCombination ? 0 : Number(process.env.LEAK_GAMES ?? 14);
const seed = Number(process.env.LEAK_SEED ?? 8);
const tablesPerSession = 2;
const rotate = <T>(items: readonly T[], by: number) => [...items.slice(by), ...items.slice(0, by)];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: TestServer;
let plantedDir: string;
let planted: PlantedScenario[];
beforeAll(async () => {
  plantedDir = mkdtempSync(join(tmpdir(), "parley-canaries-"));
  planted = plantEveryScenario(defaultScenarioDir, plantedDir);
  server = await bootTestServer({ botDelayMs: 0, catalog: loadCatalog(plantedDir) });
});
afterAll(async () => {
  await server?.stop();
  if (plantedDir) rmSync(plantedDir, { recursive: true, force: true });
});

/** Every non-empty set of seats, as the seats students take (the rest are bots), in a seeded order. */
function seatCombinations(seats: readonly SeatId[], c: Chooser): SeatId[][] {
  const all: SeatId[][] = [];
  for (let mask = 1; mask < 2 ** seats.length; mask++) all.push(seats.filter((_, i) => mask & (2 ** i)));
  for (let i = all.length - 1; i > 0; i--) {
    const j = c.int(i + 1);
    [all[i], all[j]] = [all[j] as SeatId[], all[i] as SeatId[]];
  }
  return all;
}

interface Student {
  client: Eavesdropper;
  seat: SeatId;
  table: PlayedTable;
}

interface PlayedTable {
  tableId: string;
  humans: SeatId[];
  /** Students stop moving from this round on; past the round limit, the table ends by itself. */
  stopRound: number;
  students: Student[];
}

const counts = {
  games: 0,
  soloGames: 0,
  sessions: 0,
  scenarios: new Set<string>(),
  combinations: new Set<string>(),
  students: 0,
  moves: 0,
  refused: 0,
  rateLimited: 0,
  stuck: 0,
  naturalEnds: 0,
  rounds: 0,
  events: 0,
  outcomes: {} as Record<string, number>,
  heldTables: 0,
  /** A student's check that found another party's shared table in what it received, as it should. */
  sharedTables: 0,
  /** The same for another party's merits made known by joint fact-finding. */
  clarifiedMerits: 0,
  /** Messages sent (chat, back channel, shuttle), each marked to be traced. */
  whispers: 0,
  frames: 0,
  frameBytes: 0,
  texts: 0,
  textBytes: 0,
};

/** One random move of a student: a main move (falling back on passing) or a free one. */
async function randomTurn(student: Student, c: Chooser, main: boolean): Promise<void> {
  const { client, seat } = student;
  for (let attempt = 0; attempt < 4; attempt++) {
    const view = client.lastView();
    if (!view || view.phase === "ended") return;
    const open = (view.moves ?? []).filter((m) => m.available && m.main === main && (main || m.kind !== "chat"));
    // Chat is rate-limited to one message per two seconds: now and then only.
    if (!main && c.int(6) === 0 && view.moves?.some((m) => m.kind === "chat" && m.available)) {
      open.push({ kind: "chat", approach: "universal", summary: "", main: false, available: true });
    }
    const kind = randomKind(c, open)?.kind;
    if (!kind) return;
    const move: Move = main && attempt === 3 ? { kind: "pass" } : randomMoveIn(c, contextOfView(view), seat, kind);
    // Every message carries a mark of its own, to be found wherever it went.
    if ("text" in move) move.text = `${whisper(++counts.whispers)} ${move.text}`;
    const answer = await client.answer(move, 2);
    counts.moves++;
    if (answer.code === "RateLimited") {
      counts.rateLimited++;
      await pause(600);
      continue;
    }
    if (answer.code !== "ack") {
      counts.refused++;
      if (!main) return;
      continue;
    }
    const seq = answer.seq ?? 0;
    await waitFor(() => (client.lastView()?.seq ?? 0) >= seq);
    return;
  }
}

const seatOf = (student: Student) => student.client.lastView()?.parties.find((p) => p.id === student.seat);

/** Whether the student may (and should) make its main move now. */
function canAct(student: Student): boolean {
  const view = student.client.lastView();
  const me = seatOf(student);
  if (!view || !me || view.phase === "ended" || me.walkedAway || me.acted) return false;
  return view.round < student.table.stopRound;
}

const tableView = (table: PlayedTable) => table.students[0]?.client.lastView();
const settled = (table: PlayedTable) => {
  const view = tableView(table);
  return view !== undefined && (view.phase === "ended" || view.round >= table.stopRound);
};

async function playSession(scenario: PlantedScenario, combos: SeatId[][], c: Chooser) {
  const instructor = new Eavesdropper(`the instructor of ${scenario.id}`, server.url);
  const created = await instructor.call<{ session: { id: string; joinCode: string }; instructorToken: string }>(
    "POST",
    "/sessions",
    {
      scenarioId: scenario.id,
      tables: combos.length,
      timing: { mode: "live", roundSeconds: 3600 },
      botPersonas: rotate(personaIds, c.int(personaIds.length)),
    },
  );
  expect(created.status, created.text).toBe(201);
  instructor.token = created.body.instructorToken;
  const sessionId = created.body.session.id;
  const control = async (body: Record<string, unknown>) => {
    const response = await instructor.call("POST", `/sessions/${sessionId}/control`, body);
    expect(response.status, response.text).toBe(200);
  };
  const tableIds = (
    await instructor.call<{ tableId: string; number: number }[]>("GET", `/sessions/${sessionId}/tables`)
  ).body
    .sort((a, b) => a.number - b.number)
    .map((t) => t.tableId);
  const roundLimit = loadCatalog(plantedDir).get(scenario.id)?.rules.roundLimit ?? 8;

  const tables: PlayedTable[] = combos.map((humans, i) => ({
    tableId: tableIds[i] ?? "",
    humans,
    // Mostly stopped by the instructor in a random round; now and then played to the limit.
    stopRound: c.int(4) === 0 ? roundLimit + 1 : 2 + c.int(roundLimit - 1),
    students: [],
  }));
  for (const [t, table] of tables.entries()) {
    for (const seat of table.humans) {
      const client = new Eavesdropper(`table ${t + 1}, ${seat} (${scenario.id})`, server.url);
      const joined = await client.call<{ participantToken: string; participant: { id: string } }>("POST", "/join", {
        code: created.body.session.joinCode,
        name: `Student ${t + 1}-${seat}`,
        seat,
      });
      expect(joined.status, joined.text).toBe(201);
      client.token = joined.body.participantToken;
      const placed = await instructor.call(
        "POST",
        `/sessions/${sessionId}/participants/${joined.body.participant.id}/seat`,
        { tableId: table.tableId, seat },
      );
      expect(placed.status, placed.text).toBe(200);
      table.students.push({ client, seat, table });
    }
    counts.combinations.add(`${scenario.id}: ${[...table.humans].sort().join("+")}`);
  }
  const students = tables.flatMap((t) => t.students);
  // Connected before the start, so that each student sees its table play from the first move.
  for (const student of students) await student.client.connectToMyTable();
  await control({ action: "start" });

  // Marks of what every student had received at a moment the session still played.
  let beforeTheEnd: Mark[] = students.map((s) => s.client.mark());
  const someTablePlays = async () =>
    (await instructor.call<{ status: string }[]>("GET", `/sessions/${sessionId}/tables`)).body.some(
      (t) => t.status !== "ended",
    );
  const markIfPlaying = async () => {
    const marks = students.map((s) => s.client.mark());
    if (await someTablePlays()) beforeTheEnd = marks;
  };

  while (!tables.every(settled)) {
    for (const table of tables.filter((t) => !settled(t))) {
      const seqs = table.students.map((s) => s.client.lastView()?.seq ?? 0);
      for (const student of table.students) {
        if (!canAct(student)) continue;
        while (c.int(3) === 0) await randomTurn(student, c, false);
        if (canAct(student)) await randomTurn(student, c, true);
      }
      // Bots answer at once; wait for the table to move on.
      const since = Date.now();
      while (!settled(table) && !table.students.some(canAct)) {
        if (Date.now() - since > 3000) {
          counts.stuck++;
          await control({ action: "advanceRound", tables: [table.tableId] });
          break;
        }
        if (table.students.some((s, i) => (s.client.lastView()?.seq ?? 0) !== seqs[i]) && Date.now() - since > 200) {
          break;
        }
        await pause(3);
      }
    }
    await markIfPlaying();
  }

  // The instructor ends the stopped tables one by one: all but the last end while another plays.
  const playing = tables.filter((t) => tableView(t)?.phase !== "ended");
  counts.naturalEnds += tables.length - playing.length;
  for (const table of playing.slice(0, -1)) {
    await control({ action: "end", tables: [table.tableId] });
  }
  if (playing.length > 0) {
    for (const table of tables) {
      for (const student of table.students) {
        await waitFor(() => student.client.lastView()?.phase === "ended" || table === playing.at(-1));
      }
    }
    // What a curious student asks for while another table plays: its seat, its replay, the debrief.
    for (const student of students) {
      await student.client.call("GET", "/me");
      await student.client.call("GET", "/me/replay");
      // Shut while another table plays; a parked table's bots may have ended it meanwhile.
      const debrief = await student.client.call("GET", "/me/log");
      if (debrief.status !== 409) {
        expect(debrief.status).toBe(200);
        expect(await someTablePlays(), `${student.client.name} read the debrief while a table played`).toBe(false);
      }
      await student.client.call("GET", `/scenarios/${scenario.id}`);
    }
    await markIfPlaying();
    const last = playing.at(-1) as PlayedTable;
    await control({ action: "end", tables: [last.tableId] });
  }
  // The results open everywhere; the debrief reveals every party's data (and shows the probe finds it).
  for (const student of students) {
    await waitFor(() => {
      const view = student.client.lastView();
      return view?.phase === "ended" && view.resultsHeld === undefined;
    });
    const log = await student.client.call("GET", "/me/log");
    expect(log.status).toBe(200);
    const traces = tracesIn([{ where: "the debrief", text: log.text }], []);
    for (const party of Object.values(scenario.parties)) expect(traces.has(tokenTrace(party.token))).toBe(true);
  }

  for (const table of tables) {
    const log = await instructor.call<TableLogData>("GET", `/sessions/${sessionId}/tables/${table.tableId}/log`);
    expect(log.status).toBe(200);
    checkTable(scenario, table, log.body, (student) => beforeTheEnd[students.indexOf(student)] as Mark);
    countTable(foldLog(log.body).states);
    counts.games++;
  }
  counts.sessions++;
  counts.scenarios.add(scenario.id);
  counts.students += students.length;
  for (const student of students) await student.client.leaveRooms();
}

async function startSolo(scenario: PlantedScenario, seat: SeatId, c: Chooser) {
  const client = new Eavesdropper(`solo, ${seat} (${scenario.id})`, server.url);
  const created = await client.call<{ participantToken: string; tableId: string }>("POST", "/solo", {
    scenarioId: scenario.id,
    seat,
    name: `Solo ${seat}`,
    seed: c.int(1_000_000),
  });
  expect(created.status, created.text).toBe(201);
  client.token = created.body.participantToken;
  await client.connectToMyTable();
  // Marked, then seen still playing: nothing in the mark came after the end.
  const mark = client.mark();
  if (client.lastView()?.phase === "playing") return { client, tableId: created.body.tableId, mark };
  await client.leaveRooms();
  return undefined;
}

/**
 * The same seat as a solo game (`POST /solo`, surprise personas): the player moves at
 * random to the end; what it received before the end is searched, with its replay, its
 * seat and a try at the debrief asked for in a random round.
 */
async function playSolo(scenario: PlantedScenario, seat: SeatId, c: Chooser) {
  // The bots move as soon as the game exists: one that walks out at once ends a two-state
  // game before the player is there. Rare; then the player starts another.
  let started: { client: Eavesdropper; tableId: string; mark: Mark } | undefined;
  for (let attempt = 0; attempt < 3 && !started; attempt++) started = await startSolo(scenario, seat, c);
  if (!started) throw new Error(`${scenario.id}, ${seat}: three solo games ended before the player was there`);
  const { client, tableId } = started;
  let beforeTheEnd = started.mark;
  const roundLimit = loadCatalog(plantedDir).get(scenario.id)?.rules.roundLimit ?? 8;
  const table: PlayedTable = { tableId, humans: [seat], stopRound: roundLimit + 1, students: [] };
  const student: Student = { client, seat, table };
  table.students.push(student);
  const askRound = 1 + c.int(roundLimit);
  let asked = false;
  while (client.lastView()?.phase === "playing") {
    if (canAct(student)) {
      if (!asked && (client.lastView()?.round ?? 0) >= askRound) {
        asked = true;
        await client.call("GET", "/me");
        await client.call("GET", "/me/replay");
        await client.call("GET", `/scenarios/${scenario.id}`);
        // Last: refused, so the answers before it came before the end. (Bots can end a
        // game the player sits out as a mediator; then the next marks exclude them.)
        const debrief = await client.call("GET", "/me/log");
        if (debrief.status !== 409) {
          expect(debrief.status).toBe(200);
          await waitFor(() => client.lastView()?.phase === "ended");
          break;
        }
      }
      while (c.int(3) === 0) await randomTurn(student, c, false);
      if (canAct(student)) await randomTurn(student, c, true);
    } else {
      const seq = client.lastView()?.seq;
      await waitFor(() => client.lastView()?.seq !== seq || client.lastView()?.phase !== "playing");
    }
    const mark = client.mark();
    if (client.lastView()?.phase === "playing") beforeTheEnd = mark;
  }
  const log = await client.call<TableLogData>("GET", "/me/log");
  expect(log.status).toBe(200);
  const traces = tracesIn([{ where: "the debrief", text: log.text }], []);
  for (const party of Object.values(scenario.parties)) expect(traces.has(tokenTrace(party.token))).toBe(true);
  checkTable(scenario, table, log.body, () => beforeTheEnd);
  countTable(foldLog(log.body).states);
  counts.soloGames++;
  counts.students++;
  await client.leaveRooms();
}

function countTable(states: GameState[]) {
  const outcome = states.at(-1)?.outcome;
  const end = outcome?.kind === "noAgreement" ? outcome.reason : (outcome?.kind ?? "none");
  counts.outcomes[end] = (counts.outcomes[end] ?? 0) + 1;
  counts.rounds += outcome?.round ?? 0;
  counts.events += states.length - 1;
}

async function waitFor(condition: () => boolean, timeout = 5000): Promise<void> {
  const since = Date.now();
  while (!condition()) {
    if (Date.now() - since > timeout) throw new Error("Timed out waiting");
    await pause(3);
  }
}

/**
 * What each student of the table received before the session's results opened: no other
 * party's canary, no persona, no bot's reasons, no message for others, except tables
 * shared with it and merits clarified with it; its own canaries and messages all there.
 */
function checkTable(
  scenario: PlantedScenario,
  table: PlayedTable,
  log: TableLogData,
  markOf: (student: Student) => Mark,
) {
  const { states } = foldLog(log);
  // Each private message: for its sender and addressees only.
  const whispers = log.events.flatMap(({ event }) => {
    if (isSystemEvent(event) || !("text" in event.move)) return [];
    const token = event.move.text.match(/WHISPER\d+X/)?.[0];
    const to = "to" in event.move ? event.move.to : undefined;
    if (!token) return [];
    const readers = to === undefined ? log.seats : [event.by, ...(Array.isArray(to) ? to : [to])];
    return [{ trace: whisperTrace(token), readers, seq: event.seq }];
  });
  const batnas = (seat: SeatId) => [...new Set(states.map((s) => s.batna[seat]).filter((v) => v !== undefined))];
  // The points each party ended with: its score, which a held table keeps from the others.
  const final = states.at(-1) as GameState;
  const finalPoints = new Map(final.phase === "ended" ? scoreTable(final).map((s) => [s.seat, s.points]) : []);
  for (const student of table.students) {
    const { client, seat } = student;
    const mark = markOf(student);
    const heard = client.everythingUpTo(mark);
    const frames = client.framesUpTo(mark);
    counts.texts += heard.length;
    counts.textBytes += heard.reduce((sum, h) => sum + h.text.length, 0);
    counts.frames += frames.length;
    counts.frameBytes += frames.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
    const traces = tracesIn(heard, frames);
    const views = client.viewsUpTo(mark);
    const lastSeq = Math.max(...views.map((v) => v.seq));
    const atMark = states.filter((s) => s.seq <= lastSeq).at(-1) as GameState;
    const forbidden = new Map<string, string>([
      [personaTrace, "a bot's persona"],
      [rationaleTrace, "a bot's reasons"],
    ]);
    const expected = new Map<string, string>();
    for (const w of whispers) {
      if (!w.readers.includes(seat)) forbidden.set(w.trace, `a message for ${w.readers.join(", ")}`);
      else if (w.seq < lastSeq) expected.set(w.trace, "a message for it");
    }
    for (const party of Object.values(scenario.parties)) {
      if (party.seat === seat) {
        expected.set(tokenTrace(party.token), "its own brief");
        for (const trace of payoffTraces(party, Object.keys(party.payoffs))) expected.set(trace, "its own payoffs");
        if (party.batna !== undefined) expected.set(numberTrace(party.batna), "its own BATNA");
        for (const trace of Object.values(party.creativeBonus).map(numberTrace)) {
          expected.set(trace, "its own creative bonus");
        }
        for (const trace of meritsTraces(party)) expected.set(trace, "its own legal merits");
        continue;
      }
      // Joint fact-finding that the student took part in makes every party's merits on its issue known.
      const clarified = atMark.families.factFindings
        .filter((f) => f.agreed && f.parties.includes(seat))
        .map((f) => f.issueId);
      for (const trace of meritsTraces(party, clarified)) expected.set(trace, `${party.seat}'s clarified merits`);
      const unclarified = Object.keys(party.merits).filter((issue) => !clarified.includes(issue));
      for (const trace of meritsTraces(party, unclarified)) forbidden.set(trace, `${party.seat}'s legal merits`);
      if (clarified.some((issue) => party.merits[issue] !== undefined)) counts.clarifiedMerits++;
      forbidden.set(tokenTrace(party.token), `${party.seat}'s confidential brief`);
      const shared = atMark.families.revealed[party.seat]?.[seat] ?? [];
      const unshared = Object.keys(party.payoffs).filter((issue) => !shared.includes(issue));
      for (const trace of payoffTraces(party, unshared)) forbidden.set(trace, `${party.seat}'s payoffs`);
      for (const trace of payoffTraces(party, shared)) expected.set(trace, `${party.seat}'s shared payoffs`);
      if (shared.length > 0) counts.sharedTables++;
      for (const value of batnas(party.seat)) forbidden.set(numberTrace(value), `${party.seat}'s BATNA`);
      for (const trace of bonusTraces(party)) forbidden.set(trace, `${party.seat}'s bonuses`);
      const points = finalPoints.get(party.seat);
      if (points !== undefined && party.batna !== undefined)
        forbidden.set(numberTrace(points), `${party.seat}'s score`);
    }
    const leaks = [...forbidden]
      .filter(([trace]) => traces.has(trace))
      .map(([t, what]) => `${what} (${t}) → ${traces.get(t)}`);
    expect(leaks, `${client.name} received what it may not see`).toEqual([]);
    // A table that ended while another played: its results were held.
    const ended = views.filter((v) => v.phase === "ended");
    expect(
      ended.every((v) => v.resultsHeld === true),
      `${client.name}: results open before the session ended`,
    ).toBe(true);
    if (ended.length > 0 && student === table.students[0]) counts.heldTables++;

    const missing = [...expected].filter(([trace]) => !traces.has(trace)).map(([t, what]) => `${what} (${t})`);
    expect(missing, `${client.name} should have received these (the probe would be blind otherwise)`).toEqual([]);
  }
}

describe("hidden information over random games with planted canaries", () => {
  it("the planted copies pass the validator", () => {
    expect(planted.map((p) => p.id)).toEqual(
      loadCatalog()
        .list()
        .map((s) => s.id)
        .sort(),
    );
    for (const p of planted) expect(p.errors, p.id).toEqual([]);
  });

  it(
    `no student receives another party's secrets in ${everyCombination ? "every seat combination's" : games} random games`,
    async () => {
      const c = seededChooser(seed);
      const combos = new Map(planted.map((p) => [p.id, seatCombinations(p.seats, c)]));
      const plan: { scenario: PlantedScenario; humans: SeatId[] }[] = [];
      if (everyCombination) {
        for (const scenario of planted)
          for (const humans of combos.get(scenario.id) ?? []) plan.push({ scenario, humans });
      }
      for (let g = 0; g < (everyCombination ? 0 : games); g++) {
        const scenario = planted[g % planted.length] as PlantedScenario;
        const list = combos.get(scenario.id) ?? [];
        plan.push({ scenario, humans: list[Math.floor(g / planted.length) % list.length] ?? [] });
      }
      // Sessions of up to two tables of one scenario; a seat alone is played solo too.
      for (const scenario of planted) {
        const mine = plan.filter((p) => p.scenario === scenario).map((p) => p.humans);
        for (let i = 0; i < mine.length; i += tablesPerSession) {
          await playSession(scenario, mine.slice(i, i + tablesPerSession), c);
        }
        for (const humans of mine) if (humans.length === 1) await playSolo(scenario, humans[0] as SeatId, c);
      }
      const summary = {
        ...counts,
        scenarios: counts.scenarios.size,
        combinations: counts.combinations.size,
      };
      console.log(`Hidden information over random games: ${JSON.stringify(summary)}`);
      expect(counts.games).toBe(plan.length);
      expect(counts.soloGames).toBe(plan.filter((p) => p.humans.length === 1).length);
      expect(counts.scenarios.size).toBe(Math.min(plan.length, planted.length));
    },
    Math.max(60_000, (everyCombination ? 321 : games) * 10_000),
  );
});
