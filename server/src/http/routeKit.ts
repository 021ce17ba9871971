import type { Request, Response } from "express";
import { TokenBucket } from "../rooms/rateLimit.ts";
import type { Result } from "../sessions/problem.ts";
import type { SessionService } from "../sessions/sessionService.ts";
import type { ParticipantRecord, SessionRecord } from "../store/store.ts";
import { bearerToken } from "./bearer.ts";

/** Answers with the value, or with the problem's status and a JSON `{error, code}`. */
export function send<T>(res: Response, result: Result<T>, status = 200): void {
  if (result.ok) res.status(status).json(result.value);
  else res.status(result.problem.status).json({ error: result.problem.message, code: result.problem.code });
}

/**
 * Who a request speaks for, from its bearer token: the instructor of the session in the
 * path, or a participant. On failure the route has already answered; it just returns.
 */
export function requestAuth(sessions: SessionService) {
  return {
    async instructor(req: Request, res: Response): Promise<SessionRecord | undefined> {
      const result = await sessions.instructorSession(String(req.params.sessionId), bearerToken(req));
      if (result.ok) return result.value;
      send(res, result);
      return undefined;
    },
    async participant(req: Request, res: Response): Promise<ParticipantRecord | undefined> {
      const result = await sessions.participantFor(bearerToken(req));
      if (result.ok) return result.value;
      send(res, result);
      return undefined;
    },
  };
}

/** Addresses an open endpoint's limit keeps before it forgets those whose bucket is full again. */
export const OPEN_LIMIT_ADDRESSES = 10_000;

/**
 * Per-address limit on the endpoints that anyone can call (creating and joining). A whole
 * school often shares one public address, so it is generous: it stops scripts, not classes.
 * A request costs `cost(req)` tokens (one unless said): a session that sets up 200 tables
 * costs its tables. With more than OPEN_LIMIT_ADDRESSES addresses known, those whose bucket
 * has refilled are forgotten (a new one would be the same); an address still being limited
 * is never forgotten, so many addresses cannot reset one another's limits.
 */
export function openEndpointLimit(cost: (req: Request) => number = () => 1) {
  const buckets = new Map<string, TokenBucket>();
  return (req: Request, res: Response, next: () => void) => {
    const key = req.ip ?? "unknown";
    if (buckets.size > OPEN_LIMIT_ADDRESSES) {
      for (const [address, known] of buckets) if (known.full()) buckets.delete(address);
    }
    const bucket = buckets.get(key) ?? new TokenBucket(300, 10);
    buckets.set(key, bucket);
    if (bucket.take(cost(req))) return next();
    res
      .status(429)
      .json({ error: "Too many requests from this address. Wait a minute and try again.", code: "RateLimited" });
  };
}
