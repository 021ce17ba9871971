import "./polyfill.ts";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { matchMaker, type Presence, Server } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import express from "express";
import type { ServerContext } from "./context.ts";
import { apiRouter } from "./http/api.ts";
import { mountMonitor } from "./http/monitor.ts";
import { onEveryInterface } from "./http/networkAddresses.ts";
import { limitClientMatchmaking } from "./rooms/clientMatchmaking.ts";
import { selectProcessForRoom } from "./rooms/placement.ts";
import { SessionRoom } from "./rooms/SessionRoom.ts";
import { TableRoom } from "./rooms/TableRoom.ts";
import { SpreadPingTransport } from "./rooms/transport.ts";
import { startDeadlineSweeper } from "./scheduler/deadlineSweeper.ts";
import { SessionService } from "./sessions/sessionService.ts";

export const clientDist = resolve(dirname(fileURLToPath(import.meta.url)), "../../client/dist");

export interface ParleyServer {
  gameServer: Server;
  sessions: SessionService;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  port: number;
  host: string;
  /** redis:// URL: share presence and matchmaking with other processes. */
  redisUrl?: string;
  /** This process's address as clients reach it, when several processes serve one class. */
  publicAddress?: string;
  monitorPassword?: string;
  /** How often to look for due deadlines of closed tables. */
  sweepIntervalMs?: number;
}

/**
 * One process serves everything on one port: the built client, the HTTP API and the
 * Colyseus game server. With Redis, several such processes serve one class.
 */
export async function startServer(ctx: ServerContext, options: ServeOptions): Promise<ParleyServer> {
  TableRoom.context = ctx;
  const sessions = new SessionService(ctx);
  SessionRoom.sessions = sessions;
  // A frame above this closes its connection. The largest legal move (a 2000-character
  // message of 3-byte characters) must fit, or it would be dropped instead of answered.
  const transport = new SpreadPingTransport({ maxPayload: 16 * 1024 });
  const app = transport.getExpressApp();
  app.set("trust proxy", "loopback");
  // Other devices reach a server that listens on every interface (the default).
  app.use("/api", apiRouter(ctx, sessions, { onEveryInterface: onEveryInterface(options.host) }));
  mountMonitor(app, options.monitorPassword);
  if (existsSync(join(clientDist, "index.html"))) {
    app.use(express.static(clientDist, { index: false, maxAge: "1h" }));
    // Client-side routes (/table/…, /teach, …) all load the app.
    app.get(/^\/(?!api\/|matchmake\/|colyseus).*/, (_req, res) => {
      res.sendFile(join(clientDist, "index.html"));
    });
  }

  const redis = options.redisUrl;
  const gameServer = new Server({
    transport,
    gracefullyShutdown: false,
    greet: false,
    ...(redis ? { presence: new RedisPresence(redis) as unknown as Presence, driver: new RedisDriver(redis) } : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
    selectProcessIdToCreateRoom: selectProcessForRoom,
  });
  limitClientMatchmaking();
  gameServer.define("table", TableRoom);
  gameServer.define("session", SessionRoom).filterBy(["sessionId"]);
  await gameServer.listen(options.port, options.host);
  // Every ended table whose results are held listens on its session's results channel: a class of
  // 200 puts up to 100 listeners on one topic, which is by design, not a leak.
  matchMaker.presence.setMaxListeners(0);
  const address = transport.server?.address();
  const actualPort = typeof address === "object" && address ? address.port : options.port;
  const stopSweeper = startDeadlineSweeper(ctx.store, options.sweepIntervalMs ?? 15_000);
  return {
    gameServer,
    sessions,
    port: actualPort,
    async close() {
      stopSweeper();
      await gameServer.gracefullyShutdown(false);
      await ctx.store.close();
    },
  };
}
