import "./polyfill.ts";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import type { ServerContext } from "./context.ts";
import { apiRouter } from "./http/api.ts";
import { TableRoom } from "./rooms/TableRoom.ts";

export const clientDist = resolve(dirname(fileURLToPath(import.meta.url)), "../../client/dist");

export interface ParleyServer {
  gameServer: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * One process serves everything on one port: the built client, the HTTP API and the
 * Colyseus game server.
 */
export async function startServer(ctx: ServerContext, port: number, host: string): Promise<ParleyServer> {
  TableRoom.context = ctx;
  const transport = new WebSocketTransport();
  const app = transport.getExpressApp();
  app.use(express.json({ limit: "200kb" }));
  app.use("/api", apiRouter(ctx));
  if (existsSync(join(clientDist, "index.html"))) {
    app.use(express.static(clientDist, { index: false, maxAge: "1h" }));
    // Client-side routes (/table/…, /teach, …) all load the app.
    app.get(/^\/(?!api\/|matchmake\/).*/, (_req, res) => {
      res.sendFile(join(clientDist, "index.html"));
    });
  }

  const gameServer = new Server({ transport, gracefullyShutdown: false, greet: false });
  gameServer.define("table", TableRoom);
  await gameServer.listen(port, host);
  const address = transport.server?.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    gameServer,
    port: actualPort,
    async close() {
      await gameServer.gracefullyShutdown(false);
      await ctx.store.close();
    },
  };
}
