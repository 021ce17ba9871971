import { matchMaker } from "@colyseus/core";
import type { Viewer } from "@parley/shared";
import { Router as createRouter, type Router } from "express";
import { withTableRoom } from "../rooms/tableRooms.ts";
import { toCsv } from "../sessions/csv.ts";
import { resultCells, resultColumns } from "../sessions/results.ts";
import type { SessionService } from "../sessions/sessionService.ts";
import { seatPlayed } from "../store/store.ts";
import { bearerToken } from "./bearer.ts";
import { openEndpointLimit, requestAuth, send } from "./routeKit.ts";

/**
 * A seat reservation for a table's room, which the client consumes with `consumeSeatReservation`
 * (made again on a live process when the room's process has died: see withTableRoom).
 */
function reservation(tableId: string, options: Record<string, string>) {
  return withTableRoom(tableId, () => matchMaker.joinById(tableId, options));
}

/** The class-session API: see docs/API.md for every route with an example. */
export function sessionsRouter(sessions: SessionService): Router {
  const router = createRouter();
  // Creating a session with its tables set up now costs one more for each table (up to 200).
  const limited = openEndpointLimit((req) => {
    const tables = (req.body as { tables?: unknown } | undefined)?.tables;
    return req.path === "/sessions" && typeof tables === "number" && tables > 0 ? 1 + Math.min(tables, 200) : 1;
  });

  const connecting = openEndpointLimit();
  const { instructor, participant } = requestAuth(sessions);

  // ---- instructor ----
  router.post("/sessions", limited, async (req, res) => {
    send(res, await sessions.create(req.body), 201);
  });
  router.get("/sessions/:sessionId", async (req, res) => {
    const session = await instructor(req, res);
    if (session) res.json(await sessions.overview(session));
  });
  // The scenario as this session plays it (the version it was set up with), public parts only.
  router.get("/sessions/:sessionId/scenario", async (req, res) => {
    const session = await instructor(req, res);
    if (session) send(res, await sessions.scenarioSummary(session));
  });
  router.get("/sessions/:sessionId/tables", async (req, res) => {
    const session = await instructor(req, res);
    if (session) res.json((await sessions.overview(session)).tables);
  });
  router.post("/sessions/:sessionId/tables", async (req, res) => {
    const session = await instructor(req, res);
    if (session) send(res, await sessions.addTable(session), 201);
  });
  router.get("/sessions/:sessionId/participants", async (req, res) => {
    const session = await instructor(req, res);
    if (session) res.json(await sessions.participants(session));
  });
  router.post("/sessions/:sessionId/participants/:participantId/seat", async (req, res) => {
    const session = await instructor(req, res);
    if (session) send(res, await sessions.moveParticipant(session, String(req.params.participantId), req.body));
  });
  router.post("/sessions/:sessionId/participants/:participantId/token", async (req, res) => {
    const session = await instructor(req, res);
    if (session) send(res, await sessions.reissueToken(session, String(req.params.participantId)));
  });
  router.post("/sessions/:sessionId/control", async (req, res) => {
    const session = await instructor(req, res);
    if (session) send(res, await sessions.control(session, req.body));
  });
  router.get("/sessions/:sessionId/tables/:tableId/replay", async (req, res) => {
    const session = await instructor(req, res);
    const viewer = (typeof req.query.viewer === "string" ? req.query.viewer : "instructor") as Viewer;
    if (session) send(res, await sessions.replay(session, String(req.params.tableId), viewer));
  });
  router.post("/sessions/:sessionId/tables/:tableId/reservation", async (req, res) => {
    const session = await instructor(req, res);
    if (!session) return;
    const tableId = String(req.params.tableId);
    if (!(await sessions.hasTable(session, tableId))) {
      res.status(404).json({ error: "That table is not part of this session.", code: "UnknownTable" });
      return;
    }
    res.json(await reservation(tableId, { instructorToken: bearerToken(req) ?? "" }));
  });
  router.get("/sessions/:sessionId/export.json", async (req, res) => {
    const session = await instructor(req, res);
    if (session) res.json(await sessions.results(session));
  });
  router.get("/sessions/:sessionId/export.csv", async (req, res) => {
    const session = await instructor(req, res);
    if (!session) return;
    const { rows } = await sessions.results(session);
    res
      .type("text/csv; charset=utf-8")
      .set("Content-Disposition", `attachment; filename="parley-${session.id}-results.csv"`)
      // With a byte order mark: a spreadsheet opened by a double click reads the file as UTF-8
      // only with one ("Zoë" read as "ZoÃ«" without it).
      .send(`\uFEFF${toCsv(resultColumns, rows.map(resultCells))}`);
  });

  // ---- students ----
  router.post("/join", limited, async (req, res) => {
    send(res, await sessions.join(req.body), 201);
  });
  router.get("/me", async (req, res) => {
    const me = await participant(req, res);
    if (me) send(res, await sessions.me(me));
  });
  // A reservation is a new connection: limited per address, apart from joining so that a
  // class behind one address can join and connect at once (a script that connects again and
  // again gains nothing else: a seat's rate limits stay with the seat).
  router.post("/me/reservation", connecting, async (req, res) => {
    const me = await participant(req, res);
    if (!me) return;
    if (!me.tableId) {
      res.status(409).json({ error: "You have no seat right now: your instructor will seat you.", code: "NotSeated" });
      return;
    }
    res.json(await reservation(me.tableId, { participantToken: bearerToken(req) ?? "" }));
  });
  router.post("/me/seat-request", async (req, res) => {
    const me = await participant(req, res);
    if (me) send(res, await sessions.requestSeat(me, req.body));
  });
  router.get("/me/replay", async (req, res) => {
    const me = await participant(req, res);
    if (!me) return;
    const holdResults = !(await sessions.resultsOpen(me.sessionId));
    // A student whose seat went to a bot replays it once the session is over (before that,
    // the seat's views after they left are another player's).
    const seated = me.tableId !== null && me.seat !== null;
    const played = seated || !holdResults ? seatPlayed(me) : null;
    if (!played) {
      res.status(409).json({ error: "You have no seat, so there is no table to replay.", code: "NotSeated" });
      return;
    }
    // A student's replay is its own seat's views, nothing more; its end holds the results
    // back while other tables of the session play on.
    send(res, await sessions.replay(undefined, played.tableId, played.seat, { holdResults }));
  });
  return router;
}
