import { matchMaker } from "@colyseus/core";
import { publicSummary } from "@parley/shared";
import express, { Router as createRouter, type NextFunction, type Request, type Response, type Router } from "express";
import type { ServerContext } from "../context.ts";
import type { SessionService } from "../sessions/sessionService.ts";
import { fromThisComputer, networkUrls } from "./networkAddresses.ts";
import { sessionsRouter } from "./sessionsApi.ts";
import { soloRouter } from "./soloApi.ts";

export function apiRouter(
  ctx: ServerContext,
  sessions: SessionService,
  listening: { onEveryInterface: boolean } = { onEveryInterface: false },
): Router {
  const router = createRouter();
  router.use((_req, res, next) => {
    // Everything here is JSON (or CSV) data, never a page to render.
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Cache-Control", "no-store");
    next();
  });
  // Parsed here, so a malformed or oversized body meets this router's JSON errors below.
  router.use(express.json({ limit: "200kb" }));
  router.get("/health", async (_req, res) => {
    try {
      await ctx.store.ping();
      res.json({ ok: true, store: ctx.store.kind, processId: matchMaker.processId });
    } catch (error) {
      // The driver's message may name hosts and users: it goes to the log, not to the caller.
      console.error("Health check: the database is unreachable", error);
      res.status(503).json({ ok: false, error: "The database is unreachable." });
    }
  });
  // The server's clock (ms since the epoch): round deadlines are on it, and clients
  // measure their own clock's offset from it.
  router.get("/time", (_req, res) => {
    res.json({ now: Date.now() });
  });
  // Where students' devices can reach this server, told only to a page opened on this very
  // computer (an instructor at `localhost`, whose projector needs an address that works
  // for the class); anyone else gets an empty list.
  router.get("/addresses", (req, res) => {
    const here = listening.onEveryInterface && fromThisComputer(req.socket.remoteAddress, req.get("x-forwarded-for"));
    res.json({ addresses: here ? networkUrls(req.socket.localPort ?? 0) : [] });
  });
  router.get("/scenarios", (_req, res) => {
    res.json(ctx.catalog.list().map(publicSummary));
  });
  router.get("/scenarios/:id", (req, res) => {
    const scenario = ctx.catalog.get(req.params.id);
    if (!scenario) res.status(404).json({ error: `Unknown scenario '${req.params.id}'.`, code: "UnknownScenario" });
    else res.json(publicSummary(scenario));
  });
  router.use(sessionsRouter(sessions));
  router.use(soloRouter(ctx, sessions));
  router.use((req, res) => {
    res.status(404).json({ error: `There is no ${req.method} ${req.originalUrl}.`, code: "NotFound" });
  });
  router.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === "entity.parse.failed") {
      res.status(400).json({ error: "The request body is not valid JSON.", code: "InvalidJson" });
      return;
    }
    if (error.type === "entity.too.large") {
      res.status(413).json({ error: "The request body is too large.", code: "TooLarge" });
      return;
    }
    // Express and its body parser mark the client's own mistakes with a 4xx status: an
    // address that is not valid percent-encoding, a body in an unknown or corrupt encoding.
    if (error.status !== undefined && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({
        error: "The request could not be read: check its address, its body and the body's encoding.",
        code: "UnreadableRequest",
      });
      return;
    }
    console.error("API error", error);
    res.status(500).json({ error: "Something went wrong on the server. Nothing was changed.", code: "ServerError" });
  });
  return router;
}
