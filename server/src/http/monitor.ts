import { createHash, timingSafeEqual } from "node:crypto";
import { monitor } from "@colyseus/monitor";
import type { Application, NextFunction, Request, Response } from "express";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** HTTP basic auth with one shared password (any user name), compared in constant time. */
function basicAuth(password: string) {
  const expected = digest(password);
  return (req: Request, res: Response, next: NextFunction) => {
    const encoded = req.get("authorization")?.match(/^Basic\s+(\S+)$/i)?.[1];
    const decoded = encoded ? Buffer.from(encoded, "base64").toString("utf8") : "";
    const given = decoded.slice(decoded.indexOf(":") + 1);
    if (encoded && timingSafeEqual(digest(given), expected)) return next();
    res.set("WWW-Authenticate", 'Basic realm="Parley operators", charset="UTF-8"');
    res.status(401).send("The Colyseus monitor needs the operator password (MONITOR_PASSWORD).");
  };
}

/** The Colyseus monitor for operators, at /colyseus, only when a password is configured. */
export function mountMonitor(app: Application, password: string | undefined): void {
  if (!password) return;
  app.use(
    "/colyseus",
    basicAuth(password),
    monitor() as unknown as (req: Request, res: Response, next: NextFunction) => void,
  );
}
