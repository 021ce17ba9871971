import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Router } from "express";
import { describe, expect, it } from "vitest";
import type { ServerContext } from "../context.ts";
import type { SessionService } from "../sessions/sessionService.ts";
import { apiRouter } from "./api.ts";

const apiDoc = resolve(dirname(fileURLToPath(import.meta.url)), "../../../docs/API.md");

/** Every route the router answers, as "METHOD /api/path", through its nested routers. */
function routesOf(router: Router, prefix = "/api"): string[] {
  type Layer = {
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
  };
  const routes: string[] = [];
  for (const layer of (router as unknown as { stack: Layer[] }).stack) {
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== "_all") routes.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
      }
    } else if (layer.handle?.stack) {
      routes.push(...routesOf(layer.handle as unknown as Router, prefix));
    }
  }
  return routes;
}

/** The routes docs/API.md documents: its "### `METHOD /api/…`" headings (one may name two). */
function documentedRoutes(markdown: string): string[] {
  const routes: string[] = [];
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("### ")) continue;
    for (const match of line.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`\s]*)`/g)) {
      routes.push(`${match[1]} ${match[2]}`);
    }
  }
  return routes;
}

describe("docs/API.md", () => {
  // Building the router touches neither the store nor the sessions: only requests do.
  const router = apiRouter({} as ServerContext, {} as SessionService);
  const served = routesOf(router).sort();
  const documented = documentedRoutes(readFileSync(apiDoc, "utf8")).sort();

  it("finds the routes on both sides", () => {
    expect(served).toContain("POST /api/sessions");
    expect(served).toContain("GET /api/me/replay");
    expect(documented).toContain("GET /api/scenarios/:id");
  });

  it("documents every route the server answers, and no route it does not", () => {
    expect(documented).toEqual(served);
  });
});
