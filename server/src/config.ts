import { existsSync, statSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";

/** Everything the server reads from its environment, with defaults for one laptop. */
export interface ServerConfig {
  port: number;
  host: string;
  /** A postgres:// URL; when absent the SQLite file is used. */
  databaseUrl?: string;
  sqliteFile: string;
  /** redis:// URL: shared presence and matchmaking for several processes. */
  redisUrl?: string;
  /** This process's address as clients reach it (host:port or host/path), for scale-out. */
  publicAddress?: string;
  /** Enables the Colyseus monitor at /colyseus, behind basic auth with this password. */
  monitorPassword?: string;
  botDelayMs: number;
  /** How long a dropped student's seat is held before a bot takes over (live mode). */
  reconnectSeconds: number;
  /** How often this process looks for round deadlines whose table room is closed. */
  sweepIntervalMs: number;
  /** Folders of an instructor's own scenarios, served besides the shipped ones (`SCENARIOS_DIR`). */
  scenarioDirs: string[];
}

/** `SCENARIOS_DIR`: one folder, or several separated by the system's path delimiter (':'). */
function foldersFrom(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = optional(env[name]);
  if (raw === undefined) return [];
  return raw
    .split(delimiter)
    .filter((part) => part.length > 0)
    .map((part) => {
      const folder = resolve(part);
      if (!existsSync(folder) || !statSync(folder).isDirectory())
        throw new Error(`${name}: '${part}' is not a folder (give the folder that holds your scenario files).`);
      return folder;
    });
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number (got '${raw}').`);
  return value;
}

const optional = (value: string | undefined) => (value && value.length > 0 ? value : undefined);

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: numberFrom(env, "PORT", 2567),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: optional(env.DATABASE_URL),
    sqliteFile: env.SQLITE_FILE ?? join(process.cwd(), "data", "parley.sqlite"),
    redisUrl: optional(env.REDIS_URL),
    publicAddress: optional(env.PUBLIC_ADDRESS),
    monitorPassword: optional(env.MONITOR_PASSWORD),
    botDelayMs: numberFrom(env, "BOT_DELAY_MS", 700),
    reconnectSeconds: numberFrom(env, "RECONNECT_SECONDS", 60),
    sweepIntervalMs: numberFrom(env, "SWEEP_INTERVAL_MS", 15_000),
    scenarioDirs: foldersFrom(env, "SCENARIOS_DIR"),
  };
}
