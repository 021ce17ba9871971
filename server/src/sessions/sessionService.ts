import { matchMaker } from "@colyseus/core";
import {
  type Controller,
  defaultPersonaId,
  fittingPersona,
  foldStored,
  type GameState,
  nameKey,
  normaliseJoinCode,
  type ParticipantInfo,
  publicSummary,
  replayNotice,
  type Scenario,
  type SeatId,
  type SessionInfo,
  type SessionOverview,
  type StudentSessionInfo,
  type TableControlResult,
  type TableSummary,
  textLimits,
  type Viewer,
  type ViewOptions,
} from "@parley/shared";
import { z } from "zod";
import type { ServerContext } from "../context.ts";
import { newId } from "../ids.ts";
import { callOpenTableRoom, callTableRoom, publishToSession, resultsChannel } from "../rooms/tableRooms.ts";
import { keepScenarioVersion, scenarioMissing, scenarioOf } from "../scenarios/versions.ts";
import { SerialByKey } from "../serial.ts";
import {
  ConflictError,
  type ParticipantRecord,
  type SeatAssignment,
  type SessionRecord,
  type TableRecord,
} from "../store/store.ts";
import { initialStateOf } from "../tables/liveTable.ts";
import { buildReplay, type Replay } from "../tables/replay.ts";
import { summarise } from "../tables/summary.ts";
import { type ControlAction, ControlActionSchema, type ControlResult } from "./controls.ts";
import { failure, type Result, success } from "./problem.ts";
import { type ResultRow, resultRows } from "./results.ts";
import { resultsOpen } from "./resultsOpen.ts";
import { chooseSeat, type SeatingTable, seatsFree } from "./seating.ts";
import { hashToken, newJoinCode, newToken } from "./secrets.ts";
import { maxTables, roundLengthMs, type SessionSettings, SessionSettingsSchema } from "./settings.ts";

export type { ParticipantInfo, SessionInfo, StudentSessionInfo, TableControlResult };

/**
 * The most students a session keeps as turned away: more than a lecture hall, few enough that
 * a script joining under made-up names (10 a second from one address) cannot grow the list,
 * and the dashboard's every copy of it, without end.
 */
export const TURNED_AWAY_KEPT = 300;

const JoinBody = z
  .object({
    code: z.string().trim().min(1).max(20),
    name: z.string().trim().min(1).max(textLimits.name),
    /** A party the student would like to play, honoured where one is free. */
    seat: z.string().max(64).optional(),
  })
  .strict();

const SeatRequestBody = z
  .object({ tableId: z.string().min(1).max(64).optional(), seat: z.string().min(1).max(64).optional() })
  .strict()
  .refine((r) => r.tableId !== undefined || r.seat !== undefined, "Say which table or which seat you would like.");

const MoveBody = z.union([
  z.object({ tableId: z.string().max(64), seat: z.string().max(64) }).strict(),
  z.object({ tableId: z.null() }).strict(),
]);

const ControlBody = z.object({ tables: z.array(z.string().max(64)).min(1).max(500).optional() }).passthrough();

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request is not valid.";
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}

/**
 * Class sessions: creating them, seating students, instructor controls, the overview,
 * replays and results. Table rooms do the playing; this service decides who sits where
 * and talks to the rooms (on any process) through matchMaker.
 */
export class SessionService {
  private readonly locks = new SerialByKey();

  constructor(private readonly ctx: ServerContext) {}

  /** Runs seat changes of one session one at a time in this process (the database guards across processes). */
  private exclusive<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    return this.locks.run(sessionId, work);
  }

  /**
   * The names a session's lists show (its scenario's title, its parties' names) come from the
   * scenario version it plays, as its tables do, not from the file as it is now.
   */
  private labels(session: SessionRecord): Promise<Scenario | undefined> {
    return scenarioOf(this.ctx, session);
  }

  async sessionInfo(session: SessionRecord): Promise<SessionInfo> {
    // A session with a set number of tables is over once every table has ended (no latecomer
    // can open another), as its results are open then; the instructor's End is not needed.
    const over = session.status === "running" && (await resultsOpen(this.ctx, session));
    return {
      id: session.id,
      joinCode: session.joinCode,
      scenarioId: session.scenarioId,
      scenarioTitle: (await this.labels(session))?.title ?? session.scenarioId,
      status: over ? "ended" : session.status,
      settings: session.settings,
      createdAt: session.createdAt,
    };
  }

  async studentSessionInfo(session: SessionRecord): Promise<StudentSessionInfo> {
    return {
      id: session.id,
      title: session.settings.title ?? null,
      scenarioId: session.scenarioId,
      scenarioTitle: (await this.labels(session))?.title ?? session.scenarioId,
      status: session.status,
      timing: session.settings.timing,
      resultsOpen: await resultsOpen(this.ctx, session),
    };
  }

  /** A participant as the instructor's lists show it; `scenario` names its party (see labels). */
  private participantInfo(
    p: ParticipantRecord,
    tables: readonly TableRecord[],
    scenario: Scenario | undefined,
  ): ParticipantInfo {
    const table = tables.find((t) => t.id === p.tableId);
    const partyName = (seat: SeatId) => scenario?.parties.find((party) => party.id === seat)?.name ?? seat;
    const last = p.tableId === null && p.lastSeat ? p.lastSeat : undefined;
    const lastTable = last ? tables.find((t) => t.id === last.tableId) : undefined;
    return {
      id: p.id,
      name: p.name,
      tableId: p.tableId,
      table: table?.number ?? null,
      seat: p.seat,
      party: p.seat ? partyName(p.seat) : null,
      requested: p.requested,
      joinedAt: p.joinedAt,
      lastSeat:
        last && lastTable
          ? { tableId: last.tableId, table: lastTable.number ?? null, seat: last.seat, party: partyName(last.seat) }
          : null,
    };
  }

  // ---- authentication -------------------------------------------------------------------

  async instructorSession(sessionId: string, token: string | undefined): Promise<Result<SessionRecord>> {
    const session = await this.ctx.store.getSession(sessionId);
    if (!session) return failure(404, "UnknownSession", `There is no session '${sessionId}'.`);
    if (!token) return failure(401, "MissingToken", "Send the instructor token as 'Authorization: Bearer <token>'.");
    if (hashToken(token) !== session.instructorTokenHash)
      return failure(403, "WrongToken", "This instructor token is not valid for this session.");
    return success(session);
  }

  async participantFor(token: string | undefined): Promise<Result<ParticipantRecord>> {
    if (!token) return failure(401, "MissingToken", "Send your participant token as 'Authorization: Bearer <token>'.");
    const participant = await this.ctx.store.participantByTokenHash(hashToken(token));
    if (!participant)
      return failure(403, "WrongToken", "This participant token is not valid. Join again with the code.");
    return success(participant);
  }

  // ---- creating a session and its tables ------------------------------------------------

  async create(body: unknown): Promise<Result<{ session: SessionInfo; instructorToken: string }>> {
    const parsed = SessionSettingsSchema.safeParse(body);
    if (!parsed.success) return failure(400, "InvalidSettings", firstIssue(parsed.error));
    const settings = parsed.data;
    if (!this.ctx.catalog.get(settings.scenarioId))
      return failure(404, "UnknownScenario", `There is no scenario '${settings.scenarioId}'.`);
    const instructorToken = newToken();
    // The session and its tables play the scenario as it is now, even if its file changes later.
    const scenarioHash = (await keepScenarioVersion(this.ctx, settings.scenarioId)) ?? null;
    const session = await this.insertSession({ settings, status: "lobby", instructorToken, scenarioHash });
    if (settings.tables !== "auto") {
      for (let n = 1; n <= settings.tables; n++) await this.createTable(session, n);
    }
    return success({ session: await this.sessionInfo(session), instructorToken });
  }

  /**
   * One more table for a session set up with a set number of them, for a class bigger than
   * planned: a student who joined when every seat was taken was turned away, and only a new
   * session could have seated them. The table waits for the instructor's Start (select it on
   * the dashboard), so that its bots do not play it out before the latecomers sit down; the
   * next students who join are seated there. Refused once the results are open (every table
   * has ended): its students would play a scenario the class has seen revealed.
   */
  async addTable(session: SessionRecord): Promise<Result<{ tableId: string; table: number }>> {
    return this.exclusive(session.id, async () => {
      const current = (await this.ctx.store.getSession(session.id)) ?? session;
      if (current.status === "ended") return failure(409, "SessionEnded", "This session has ended.");
      if (current.settings.tables === "auto")
        return failure(
          409,
          "TablesFillAsStudentsCome",
          "This session sets up a new table whenever its tables are full: it needs no more.",
        );
      if (await resultsOpen(this.ctx, current))
        return failure(
          409,
          "ResultsOpen",
          "Every table has ended and the results are open to the class: a new table would play a scenario it has seen revealed. Set up a new session instead.",
        );
      const tables = await this.ctx.store.tablesOfSession(session.id);
      if (tables.length >= maxTables)
        return failure(409, "TooManyTables", `A session has at most ${maxTables} tables.`);
      const settings: SessionSettings = { ...current.settings, tables: tables.length + 1 };
      await this.ctx.store.setSessionSettings(session.id, settings);
      const number = Math.max(0, ...tables.map((t) => t.number ?? 0)) + 1;
      const table = await this.createTable({ ...current, settings }, number, { waiting: true });
      const summary = await this.tableSummary(table, session);
      if (summary) publishToSession(session.id, "table", summary);
      return success({ tableId: table.id, table: number });
    });
  }

  /**
   * Stores a new session under a fresh id and join code; a code already in use (a
   * conflict in the store, even from another process) is drawn again.
   */
  async insertSession(fields: {
    settings: SessionSettings;
    status: SessionRecord["status"];
    instructorToken: string;
    joinCodeLength?: number;
    /** The scenario version it plays (see scenarios/versions.ts). */
    scenarioHash: string | null;
  }): Promise<SessionRecord> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const candidate: SessionRecord = {
        id: newId(),
        joinCode: newJoinCode(fields.joinCodeLength),
        instructorTokenHash: hashToken(fields.instructorToken),
        scenarioId: fields.settings.scenarioId,
        settings: fields.settings,
        status: fields.status,
        createdAt: new Date().toISOString(),
        scenarioHash: fields.scenarioHash,
      };
      try {
        await this.ctx.store.createSession(candidate);
        return candidate;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    throw new Error("Could not find a free join code");
  }

  /**
   * Sets up table `number` of a session, every seat a bot until its student arrives. It starts running at once in a running session (a
   * latecomer's table, in a session whose tables fill as students come), unless `waiting`:
   * then it waits for the instructor's Start, as every table of a session in its lobby does.
   */
  private async createTable(session: SessionRecord, number: number, { waiting = false } = {}): Promise<TableRecord> {
    const scenario = await scenarioOf(this.ctx, session);
    if (!scenario) throw new Error(`Scenario ${session.scenarioId} is not available`);
    const personas = session.settings.botPersonas;
    const seats = scenario.parties.map((p) => p.id);
    const controllers: Record<SeatId, Controller> = {};
    // The instructor's personas in turn, each seat's fitting it (a third party is never a "Hardliner").
    scenario.parties.forEach((party, i) => {
      const persona = fittingPersona(personas[(number - 1 + i) % personas.length] ?? defaultPersonaId, party.kind);
      controllers[party.id] = { type: "bot", persona };
    });
    const record: TableRecord = {
      id: newId(),
      scenarioId: scenario.id,
      seed: Math.floor(Math.random() * 2 ** 31),
      seats,
      controllers,
      createdAt: new Date().toISOString(),
      sessionId: session.id,
      number,
      lenses: session.settings.lensWeights ?? null,
      scenarioHash: session.scenarioHash ?? null,
    };
    await this.ctx.store.createTable(record);
    const running = session.status === "running" && !waiting;
    await this.ctx.store.putRuntime({
      tableId: record.id,
      status: running ? "running" : "waiting",
      deadlineAt: running ? new Date(Date.now() + roundLengthMs(session.settings.timing)).toISOString() : null,
      remainingMs: null,
    });
    return record;
  }

  private async seatingTables(session: SessionRecord): Promise<{ tables: TableRecord[]; seating: SeatingTable[] }> {
    const tables = await this.ctx.store.tablesOfSession(session.id);
    const participants = await this.ctx.store.participantsOfSession(session.id);
    const runtimes = await this.ctx.store.runtimesOf(tables.map((t) => t.id));
    const seating: SeatingTable[] = tables.map((table) => ({
      tableId: table.id,
      number: table.number ?? 0,
      seats: table.seats,
      taken: participants.filter((p) => p.tableId === table.id && p.seat).map((p) => p.seat as SeatId),
      open: runtimes.find((r) => r.tableId === table.id)?.status !== "ended",
    }));
    return { tables, seating };
  }

  private seatingPolicy(session: SessionRecord, scenario: Scenario) {
    return {
      fixedTables: session.settings.tables === "auto" ? null : session.settings.tables,
      seats: scenario.parties.map((p) => p.id),
    };
  }

  /**
   * How many students could join now and be seated (null: no limit, a table opens for whoever
   * comes), by the seating's own rule: the dashboard reads it to say whether a student turned
   * away can be asked to join again, or a table must be added first.
   */
  async seatsFree(session: SessionRecord): Promise<number | null> {
    const scenario = await scenarioOf(this.ctx, session);
    if (!scenario) return 0;
    return seatsFree((await this.seatingTables(session)).seating, this.seatingPolicy(session, scenario));
  }

  // ---- students ---------------------------------------------------------------------------

  async join(body: unknown): Promise<
    Result<{
      participantToken: string;
      participant: ParticipantInfo;
      session: StudentSessionInfo;
    }>
  > {
    const parsed = JoinBody.safeParse(body);
    if (!parsed.success) return failure(400, "InvalidJoin", firstIssue(parsed.error));
    const { name, seat: preferred } = parsed.data;
    const code = normaliseJoinCode(parsed.data.code);
    const session = await this.ctx.store.sessionByJoinCode(code);
    if (!session)
      return failure(404, "UnknownCode", `No session has the code '${code}'. Check the code and try again.`);
    if (session.status === "ended") return failure(409, "SessionEnded", "This session has ended.");
    const roster = session.settings.roster;
    const label = roster?.find((l) => nameKey(l) === nameKey(name));
    const nameTaken = () =>
      failure(
        409,
        "NameTaken",
        `Someone has already joined as '${label ?? name}'. Add an initial; or, if that was you on another device, ask your instructor for a new link to your seat.`,
      );
    if (roster && !label)
      return failure(
        404,
        "NotOnRoster",
        `'${name}' is not on the class list. Check the spelling or ask your instructor.`,
      );
    const scenario = await scenarioOf(this.ctx, session);
    if (!scenario) return scenarioMissing("session");
    if (preferred && !scenario.parties.some((p) => p.id === preferred))
      return failure(400, "NotASeat", `'${preferred}' is not a seat of this scenario.`);

    return this.exclusive(session.id, async () => {
      // As it is now, after any control that ran before this join (an end, a start).
      const current = (await this.ctx.store.getSession(session.id)) ?? session;
      if (current.status === "ended") return failure(409, "SessionEnded", "This session has ended.");
      const token = newToken();
      // A name already taken is refused before a table is set up for it (the store refuses it too).
      const key = nameKey(label ?? name);
      if ((await this.ctx.store.participantsOfSession(session.id)).some((p) => nameKey(p.name) === key))
        return nameTaken();
      for (let attempt = 0; attempt < 8; attempt++) {
        const { tables, seating } = await this.seatingTables(session);
        const choice = chooseSeat(seating, { ...this.seatingPolicy(session, scenario), preferred });
        if (choice.kind === "full") {
          // The instructor hears of it on the dashboard, where a table can be added; the list is
          // kept, so a reloaded dashboard (or one on another device) still names them.
          const known = await this.ctx.store.turnedAwayOf(session.id);
          if (known.length < (this.ctx.turnedAwayKept ?? TURNED_AWAY_KEPT)) {
            await this.ctx.store.recordTurnedAway(session.id, { name: label ?? name, at: new Date().toISOString() });
            publishToSession(session.id, "turnedAway", await this.ctx.store.turnedAwayOf(session.id));
          }
          return failure(
            409,
            "SessionFull",
            "Every seat of this session is taken. Your instructor has been told and can add a table: try again in a moment.",
          );
        }
        let table: TableRecord | undefined;
        try {
          table =
            choice.kind === "existing"
              ? tables.find((t) => t.id === choice.tableId)
              : await this.createTable(current, Math.max(0, ...tables.map((t) => t.number ?? 0)) + 1);
          if (!table) continue;
          const participant: ParticipantRecord = {
            id: newId(),
            sessionId: session.id,
            name: label ?? name,
            tokenHash: hashToken(token),
            tableId: table.id,
            seat: choice.seat,
            requested: null,
            joinedAt: new Date().toISOString(),
          };
          await this.ctx.store.createParticipant(participant);
          await this.seatingChanged(session.id, [table.id]);
          if (await this.ctx.store.forgetTurnedAway(session.id, participant.name))
            publishToSession(session.id, "turnedAway", await this.ctx.store.turnedAwayOf(session.id));
          return success({
            participantToken: token,
            participant: this.participantInfo(participant, [table], scenario),
            session: await this.studentSessionInfo(session),
          });
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          if (error.constraint === "name") return nameTaken();
          // A seat or table number was taken by a concurrent join (maybe on another process): look again.
        }
      }
      return failure(503, "Busy", "Many students are joining at once. Try again in a moment.");
    });
  }

  async me(participant: ParticipantRecord) {
    const session = await this.ctx.store.getSession(participant.sessionId);
    if (!session) return failure(404, "UnknownSession", "Your session no longer exists.");
    const tables = await this.ctx.store.tablesOfSession(session.id);
    return success({
      participant: this.participantInfo(participant, tables, await this.labels(session)),
      session: await this.studentSessionInfo(session),
    });
  }

  /**
   * A student asks for another seat. Before the start, the same party at another table (to
   * sit with friends) is granted at once if free; anything else is left to the instructor:
   * the student has read its party's confidential brief, and another party's seat would
   * show it a second one.
   */
  async requestSeat(participant: ParticipantRecord, body: unknown) {
    const parsed = SeatRequestBody.safeParse(body);
    if (!parsed.success) return failure(400, "InvalidRequest", firstIssue(parsed.error));
    const session = await this.ctx.store.getSession(participant.sessionId);
    if (!session) return failure(404, "UnknownSession", "Your session no longer exists.");
    const tables = await this.ctx.store.tablesOfSession(session.id);
    const wanted = parsed.data;
    const table = wanted.tableId ? tables.find((t) => t.id === wanted.tableId) : undefined;
    if (wanted.tableId && !table) return failure(404, "UnknownTable", "That table is not part of your session.");
    const seats = table?.seats ?? tables[0]?.seats ?? [];
    if (wanted.seat && !seats.includes(wanted.seat))
      return failure(400, "NotASeat", `'${wanted.seat}' is not a seat of this scenario.`);
    const seat = wanted.seat ?? participant.seat;
    if (session.status === "lobby" && table && seat && seat === participant.seat) {
      const others = await this.ctx.store.participantsOfTable(table.id);
      if (!others.some((p) => p.seat === seat && p.id !== participant.id)) {
        const moved = await this.moveParticipant(session, participant.id, { tableId: table.id, seat });
        if (moved.ok) return success({ granted: true, participant: moved.value });
      }
    }
    await this.ctx.store.setSeatRequest(participant.id, { ...wanted, at: new Date().toISOString() });
    publishToSession(session.id, "participants", await this.participants(session));
    return success({
      granted: false,
      participant: this.participantInfo(participant, tables, await this.labels(session)),
    });
  }

  // ---- instructor ---------------------------------------------------------------------------

  async participants(session: SessionRecord): Promise<ParticipantInfo[]> {
    const tables = await this.ctx.store.tablesOfSession(session.id);
    const participants = await this.ctx.store.participantsOfSession(session.id);
    const scenario = await this.labels(session);
    return participants.map((p) => this.participantInfo(p, tables, scenario));
  }

  /** Moves a student to a seat (swapping with whoever sits there), or out of any seat. */
  async moveParticipant(
    session: SessionRecord,
    participantId: string,
    body: unknown,
  ): Promise<Result<ParticipantInfo>> {
    const parsed = MoveBody.safeParse(body);
    if (!parsed.success) return failure(400, "InvalidMove", "Send {tableId, seat}, or {tableId: null} to unseat.");
    return this.exclusive(session.id, async () => {
      const participant = await this.ctx.store.getParticipant(participantId);
      if (!participant || participant.sessionId !== session.id)
        return failure(404, "UnknownParticipant", "There is no such participant in this session.");
      const tables = await this.ctx.store.tablesOfSession(session.id);
      const target = parsed.data;
      const changes: SeatAssignment[] = [];
      if (target.tableId === null) {
        changes.push({ participantId, tableId: null, seat: null });
      } else {
        const table = tables.find((t) => t.id === target.tableId);
        if (!table) return failure(404, "UnknownTable", "That table is not part of this session.");
        if (!table.seats.includes(target.seat))
          return failure(400, "NotASeat", `'${target.seat}' is not a seat at table ${table.number}.`);
        const runtime = await this.ctx.store.getRuntime(table.id);
        if (runtime?.status === "ended") return failure(409, "TableEnded", `Table ${table.number} has ended.`);
        const occupant = (await this.ctx.store.participantsOfTable(table.id)).find((p) => p.seat === target.seat);
        changes.push({ participantId, tableId: table.id, seat: target.seat });
        if (occupant && occupant.id !== participantId) {
          // A swap would send the occupant, mid-game, to a seat whose negotiation is over.
          const from = tables.find((t) => t.id === participant.tableId);
          if (from && (await this.ctx.store.getRuntime(from.id))?.status === "ended")
            return failure(
              409,
              "TableEnded",
              `${participant.name}'s table ${from.number} has ended: ${occupant.name} would be moved there, out of their game. Move ${participant.name} to a seat a bot plays instead.`,
            );
          changes.push({ participantId: occupant.id, tableId: participant.tableId, seat: participant.seat });
        }
      }
      try {
        await this.ctx.store.assignSeats(changes);
      } catch (error) {
        if (error instanceof ConflictError) return failure(409, "SeatTaken", "That seat was just taken. Try again.");
        throw error;
      }
      const affected = [participant.tableId, target.tableId].filter((id): id is string => Boolean(id));
      await this.seatingChanged(session.id, affected);
      const updated = await this.ctx.store.getParticipant(participantId);
      return success(this.participantInfo(updated ?? participant, tables, await this.labels(session)));
    });
  }

  async reissueToken(session: SessionRecord, participantId: string) {
    const participant = await this.ctx.store.getParticipant(participantId);
    if (!participant || participant.sessionId !== session.id)
      return failure(404, "UnknownParticipant", "There is no such participant in this session.");
    const token = newToken();
    await this.ctx.store.setParticipantTokenHash(participantId, hashToken(token));
    if (participant.tableId) await callOpenTableRoom(participant.tableId, "participantTokenRenewed", [participantId]);
    return success({ participantId, participantToken: token });
  }

  /** Tells the rooms of the tables concerned (where open) and the overview that seats changed. */
  private async seatingChanged(sessionId: string, tableIds: string[]) {
    for (const tableId of new Set(tableIds)) await callOpenTableRoom(tableId, "seatingChanged");
    const session = await this.ctx.store.getSession(sessionId);
    if (session) publishToSession(sessionId, "participants", await this.participants(session));
  }

  async control(session: SessionRecord, body: unknown): Promise<Result<TableControlResult[]>> {
    const envelope = ControlBody.safeParse(body);
    if (!envelope.success) return failure(400, "InvalidControl", firstIssue(envelope.error));
    const { tables: only, ...rest } = envelope.data;
    const parsed = ControlActionSchema.safeParse(rest);
    if (!parsed.success) return failure(400, "InvalidControl", firstIssue(parsed.error));
    const action: ControlAction = parsed.data;
    // One at a time with this session's joins and seat moves: a join waits for a start or an
    // end, then sets up its table running, or is refused once the session has ended.
    return this.exclusive(session.id, async () => {
      const tables = await this.ctx.store.tablesOfSession(session.id);
      const unknown = only?.find((id) => !tables.some((t) => t.id === id));
      if (unknown) return failure(404, "UnknownTable", `'${unknown}' is not a table of this session.`);
      const current = (await this.ctx.store.getSession(session.id)) ?? session;
      // The session's status first, so that a table set up from now on starts as it says.
      const endsSession = action.action === "end" && !only;
      if (endsSession) await this.ctx.store.setSessionStatus(session.id, "ended");
      if (action.action === "start" && current.status === "lobby")
        await this.ctx.store.setSessionStatus(session.id, "running");
      const results: TableControlResult[] = [];
      const reached = new Set<string>();
      let targets = only ? tables.filter((t) => only.includes(t.id)) : tables;
      // A control for every table also reaches those that joins on another process set up meanwhile.
      for (let pass = 0; pass < 3 && targets.length > 0; pass++) {
        for (const table of targets) {
          reached.add(table.id);
          const result = await callTableRoom<ControlResult>(table.id, "control", [action]).catch(
            async (error: unknown): Promise<ControlResult> => {
              if (action.action === "end" && (await this.endUnresumable(table))) return { ok: true };
              console.error(`Control ${action.action} failed at table ${table.id}`, error);
              return { ok: false, code: "Unavailable", message: "This table could not be reached. Try again." };
            },
          );
          results.push({ tableId: table.id, table: table.number ?? null, result });
        }
        if (only) break;
        targets = (await this.ctx.store.tablesOfSession(session.id)).filter((t) => !reached.has(t.id));
      }
      if (action.action === "replaceWithBot")
        publishToSession(session.id, "participants", await this.participants(session));
      // Tables that had ended before, their results held, look again (on every process).
      if (endsSession) await matchMaker.presence.publish(resultsChannel(session.id), "session ended");
      return success(results);
    });
  }

  /**
   * Ends a table whose room cannot open because these rules cannot fold its log (see
   * LiveTable.load): no event can be added to that log, so the end is its runtime's alone,
   * and the table stops being one the sweep reopens. Its replay and summary still show it as
   * far as the rules fold it, with the notice that says why. False for any other table.
   */
  private async endUnresumable(table: TableRecord): Promise<boolean> {
    const stored = await this.storedState(table);
    if (!stored?.unfoldable) return false;
    const runtime = await this.ctx.store.getRuntime(table.id);
    if (runtime && runtime.status !== "ended")
      await this.ctx.store.putRuntime({ ...runtime, status: "ended", deadlineAt: null, remainingMs: null });
    return true;
  }

  async hasTable(session: SessionRecord, tableId: string): Promise<boolean> {
    return (await this.ctx.store.getTable(tableId))?.sessionId === session.id;
  }

  /** One table's summary: from its room when open, else rebuilt from the log. */
  private async tableSummary(table: TableRecord, session: SessionRecord): Promise<TableSummary | undefined> {
    const live = await callOpenTableRoom<TableSummary>(table.id, "summary");
    if (live) return live;
    const stored = await this.storedState(table);
    return stored ? this.storedSummary(table, stored, session) : undefined;
  }

  /**
   * A table's state folded from its stored log (for tables no room serves, and exports), as
   * far as these rules can fold it; if they cannot fold it all, what its summary must say.
   */
  private async storedState(
    table: TableRecord,
  ): Promise<{ state: GameState; unfoldable?: true; notice?: string } | undefined> {
    const scenario = await scenarioOf(this.ctx, table);
    if (!scenario) return undefined;
    const events = await this.ctx.store.events(table.id);
    const { state, unfoldable } = foldStored(
      initialStateOf(scenario, table),
      events.map((e) => e.event),
    );
    if (!unfoldable) return { state };
    const notice = replayNotice(
      events.map((e) => e.rulesVersion),
      unfoldable,
    );
    return { state, unfoldable: true, ...(notice ? { notice } : {}) };
  }

  private async storedSummary(
    table: TableRecord,
    stored: { state: GameState; notice?: string },
    session: SessionRecord,
  ): Promise<TableSummary> {
    const runtime = await this.ctx.store.getRuntime(table.id);
    const participants = await this.ctx.store.participantsOfTable(table.id);
    const overDays = session.settings.timing.mode === "async";
    const summary = summarise(stored.state, table, runtime, participants, new Set(), false, overDays);
    return stored.notice ? { ...summary, notice: stored.notice } : summary;
  }

  async overview(session: SessionRecord): Promise<SessionOverview> {
    const tables = await this.ctx.store.tablesOfSession(session.id);
    const summaries: TableSummary[] = [];
    for (const table of tables) {
      const summary = await this.tableSummary(table, session);
      if (summary) summaries.push(summary);
    }
    const fresh = (await this.ctx.store.getSession(session.id)) ?? session;
    return {
      session: await this.sessionInfo(fresh),
      participants: await this.participants(fresh),
      tables: summaries,
      turnedAway: await this.ctx.store.turnedAwayOf(session.id),
      seatsFree: await this.seatsFree(fresh),
    };
  }

  /** The public summary of the scenario version the session plays (see scenarios/versions.ts). */
  async scenarioSummary(session: SessionRecord): Promise<Result<ReturnType<typeof publicSummary>>> {
    const scenario = await scenarioOf(this.ctx, session);
    if (!scenario) return scenarioMissing("session");
    return success(publicSummary(scenario));
  }

  /** Whether the session's results are open to its students (see resultsOpen). */
  resultsOpen(sessionId: string): Promise<boolean> {
    return resultsOpen(this.ctx, sessionId);
  }

  async replay(
    session: SessionRecord | undefined,
    tableId: string,
    viewer: Viewer,
    options: ViewOptions = {},
  ): Promise<Result<Replay>> {
    const table = await this.ctx.store.getTable(tableId);
    if (!table || (session && table.sessionId !== session.id))
      return failure(404, "UnknownTable", "That table is not part of this session.");
    const scenario = await scenarioOf(this.ctx, table);
    if (!scenario) return scenarioMissing("table");
    if (viewer !== "instructor" && viewer !== "observer" && !table.seats.includes(viewer))
      return failure(400, "NotASeat", `'${viewer}' is not a seat at this table.`);
    const store = this.ctx.store;
    return success(
      buildReplay(scenario, table, await store.events(tableId), viewer, options, await store.controls(tableId)),
    );
  }

  /**
   * The session's exports: a gradebook row per student and per seat no student played, and
   * each table's summary, which says whether anyone played it (`played`: false at a table no
   * student sat at and where no move was made, whose rows say "not played").
   */
  async results(session: SessionRecord): Promise<{ session: SessionInfo; rows: ResultRow[]; tables: TableSummary[] }> {
    const records = await this.ctx.store.tablesOfSession(session.id);
    const tables = [];
    const summaries: TableSummary[] = [];
    for (const record of records) {
      const stored = await this.storedState(record);
      if (!stored) continue;
      tables.push({ record, state: stored.state });
      summaries.push(await this.storedSummary(record, stored, session));
    }
    const participants = await this.ctx.store.participantsOfSession(session.id);
    return { session: await this.sessionInfo(session), rows: resultRows(participants, tables), tables: summaries };
  }
}
