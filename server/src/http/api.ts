import { Router as createRouter, type Router } from "express";
import type { ServerContext } from "../context.ts";

/** The public face of a scenario: never its confidential briefs, payoffs or BATNAs. */
function scenarioSummary(ctx: ServerContext, id: string) {
  const s = ctx.catalog.get(id);
  if (!s) return undefined;
  return {
    id: s.id,
    title: s.title,
    dateContext: s.dateContext,
    summary: s.summary,
    recommended: s.recommended,
    roundLimit: s.rules.roundLimit,
    parties: s.parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind, publicBrief: p.publicBrief })),
    issues: s.issues.map((i) => ({ id: i.id, name: i.name })),
  };
}

export function apiRouter(ctx: ServerContext): Router {
  const router = createRouter();
  router.get("/health", (_req, res) => {
    res.json({ ok: true });
  });
  router.get("/scenarios", (_req, res) => {
    res.json(ctx.catalog.list().map((s) => scenarioSummary(ctx, s.id)));
  });
  router.get("/scenarios/:id", (req, res) => {
    const summary = scenarioSummary(ctx, req.params.id);
    if (!summary) res.status(404).json({ error: `Unknown scenario '${req.params.id}'.` });
    else res.json(summary);
  });
  return router;
}
