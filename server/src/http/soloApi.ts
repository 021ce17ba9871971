import { foldStored, type GameEvent, type LensOverrides, type Scenario, type SeatId } from "@parley/shared";
import { Router as createRouter, type Response, type Router } from "express";
import type { ServerContext } from "../context.ts";
import { scenarioMissing, scenarioOf } from "../scenarios/versions.ts";
import { resultsOpen } from "../sessions/resultsOpen.ts";
import type { SessionService } from "../sessions/sessionService.ts";
import {
  type SessionRecord,
  type StoredEvent,
  seatPlayed,
  type TableControl,
  type TableRecord,
} from "../store/store.ts";
import { initialStateOf } from "../tables/liveTable.ts";
import { openEndpointLimit, requestAuth, send } from "./routeKit.ts";
import { BranchBody, SoloTables } from "./soloTables.ts";

/** A table's raw log with its scenario: what the instructor's debrief folds locally with the rules. */
export interface TableLog {
  tableId: string;
  number: number | null;
  seed: number;
  seats: SeatId[];
  controllers: TableRecord["controllers"];
  /** The session's lens weights, part of the table's setup: fold with them to score alike. */
  lenses: LensOverrides | null;
  /** Each event with when it was stored and the rules version that accepted it (null: before versions were recorded). */
  events: { event: GameEvent; at: string; rulesVersion: number | null }[];
  /** What the instructor did to the table, beside its events (public to the table: see TableControl). */
  controls: TableControl[];
}

const tableLog = (table: TableRecord, events: readonly StoredEvent[], controls: TableControl[]): TableLog => ({
  tableId: table.id,
  number: table.number ?? null,
  seed: table.seed,
  seats: table.seats,
  controllers: table.controllers,
  lenses: table.lenses ?? null,
  events: events.map((e) => ({ event: e.event, at: e.at, rulesVersion: e.rulesVersion })),
  controls,
});

/**
 * Solo games, "what if" branches and the instructor's raw table logs (docs/API.md, "Solo
 * play, branches and logs"). The raw log reveals everything, so only the session's
 * instructor reads it; students replay their own views through `/api/me/replay`.
 */
/** When a student's full debrief and branches open (see sessionResultsOpen). */
const onceOver = "once your whole session is over.";

export function soloRouter(ctx: ServerContext, sessions: SessionService): Router {
  const router = createRouter();
  const solo = new SoloTables(ctx, sessions);
  const limited = openEndpointLimit();

  const { instructor, participant } = requestAuth(sessions);
  const sessionTable = async (session: SessionRecord, tableId: string, res: Response) => {
    const table = await ctx.store.getTable(tableId);
    if (table?.sessionId === session.id) return table;
    res.status(404).json({ error: "That table is not part of this session.", code: "UnknownTable" });
    return undefined;
  };
  const tableScenario = async (table: TableRecord, res: Response): Promise<Scenario | undefined> => {
    const scenario = await scenarioOf(ctx, table);
    if (!scenario) send(res, scenarioMissing("table"));
    return scenario;
  };

  router.post("/solo", limited, async (req, res) => {
    send(res, await solo.create(req.body), 201);
  });

  router.get("/sessions/:sessionId/tables/:tableId/log", async (req, res) => {
    const session = await instructor(req, res);
    if (!session) return;
    const table = await sessionTable(session, String(req.params.tableId), res);
    if (!table) return;
    const scenario = await tableScenario(table, res);
    if (!scenario) return;
    res.json({
      scenario,
      ...tableLog(table, await ctx.store.events(table.id), await ctx.store.controls(table.id)),
    });
  });

  router.get("/sessions/:sessionId/logs", async (req, res) => {
    const session = await instructor(req, res);
    if (!session) return;
    const scenario = await scenarioOf(ctx, session);
    if (!scenario) return send(res, scenarioMissing("session"));
    const tables: TableLog[] = [];
    for (const table of await ctx.store.tablesOfSession(session.id)) {
      tables.push(tableLog(table, await ctx.store.events(table.id), await ctx.store.controls(table.id)));
    }
    res.json({ scenario, tables });
  });

  router.post("/sessions/:sessionId/tables/:tableId/branch", async (req, res) => {
    const session = await instructor(req, res);
    if (!session) return;
    const table = await sessionTable(session, String(req.params.tableId), res);
    if (!table) return;
    const parsed = BranchBody.safeParse(req.body);
    if (!parsed.success || !parsed.data.seat) {
      res.status(400).json({
        error: "Say from which step (`at`) and as which seat (`seat`) to continue.",
        code: "InvalidBranch",
      });
      return;
    }
    send(res, await solo.branch(table, { ...parsed.data, seat: parsed.data.seat }), 201);
  });

  // Everything is revealed to a student once every table of their session has ended (a
  // solo game is a one-table session), so nobody still playing can learn a secret from it.
  router.get("/me/log", async (req, res) => {
    const me = await participant(req, res);
    if (!me) return;
    const played = seatPlayed(me);
    const table = played ? await ctx.store.getTable(played.tableId) : undefined;
    if (!table) {
      res.status(409).json({ error: "You have no seat, so there is no table to show.", code: "NotSeated" });
      return;
    }
    const scenario = await tableScenario(table, res);
    if (!scenario) return;
    if (!(await resultsOpen(ctx, me.sessionId))) {
      res.status(409).json({
        error: `The full debrief opens ${onceOver}`,
        code: "SessionNotEnded",
      });
      return;
    }
    res.json({
      scenario,
      ...tableLog(table, await ctx.store.events(table.id), await ctx.store.controls(table.id)),
    });
  });

  router.post("/me/branch", limited, async (req, res) => {
    const me = await participant(req, res);
    if (!me) return;
    const played = seatPlayed(me);
    const table = played ? await ctx.store.getTable(played.tableId) : undefined;
    if (!table || !played) {
      res.status(409).json({ error: "You have no seat, so there is no table to branch from.", code: "NotSeated" });
      return;
    }
    const parsed = BranchBody.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "Say from which step (`at`) to continue.", code: "InvalidBranch" });
      return;
    }
    if (parsed.data.seat && parsed.data.seat !== played.seat) {
      res.status(403).json({ error: "You can only continue as your own seat.", code: "NotYourSeat" });
      return;
    }
    const scenario = await tableScenario(table, res);
    if (!scenario) return;
    // Replaying bots from a running table would let a student probe the other seats' secrets.
    const { state } = foldStored(
      initialStateOf(scenario, table),
      (await ctx.store.events(table.id)).map((e) => e.event),
    );
    if (state.phase !== "ended") {
      res.status(409).json({
        error: "You can try a “what if” once your table's negotiation has ended.",
        code: "TableNotEnded",
      });
      return;
    }
    // A branch's own debrief reveals every secret once it ends (a walk-out ends it at once),
    // so it waits for the classmates too, exactly like the student's debrief.
    if (!(await resultsOpen(ctx, me.sessionId))) {
      res.status(409).json({
        error: `You can try a “what if” ${onceOver}`,
        code: "SessionNotEnded",
      });
      return;
    }
    send(res, await solo.branch(table, { ...parsed.data, seat: played.seat, name: parsed.data.name || me.name }), 201);
  });

  return router;
}
