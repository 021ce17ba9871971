import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";
import { classOf, dropConnection, lastView, type Student } from "../helpers/classroom.ts";
import { bootTestServer } from "../helpers/server.ts";

afterEach(() => vi.restoreAllMocks());

describe("closing the server in the middle of a live session", () => {
  it("hands no student's seat to a bot and writes nothing after the store has closed", async () => {
    const server = await bootTestServer({ reconnectSeconds: 30 });
    const { students } = await classOf(server.url, ["Ada", "Lin"], { timing: { mode: "live", roundSeconds: 900 } });
    const [ada, lin] = students as [Student, Student];
    await vi.waitFor(() => expect(lastView(ada.seen).phase).toBe("playing"));
    ada.room.reconnection.enabled = false;
    lin.room.reconnection.enabled = false;
    ada.room.send("move", { clientSeq: 1, move: { kind: "chat", text: "before the restart" } });
    await vi.waitFor(() => expect(ada.seen.acks).toHaveLength(1));
    // Lin's network has just died: her seat is held for the reconnection window when the
    // server closes, and stays hers too.
    const dropped = new Promise<void>((resolve) => lin.room.onDrop(() => resolve()));
    dropConnection(lin.participant.tableId, lin.room.sessionId);
    await dropped;
    await new Promise((resolve) => setTimeout(resolve, 200));

    const errors = vi.spyOn(console, "error");
    await server.close();
    // Anything a room still had to write would have failed on the closed store by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);

    const store = await openSqliteStore(server.sqliteFile);
    const events = (await store.events(ada.participant.tableId)).map((stored) => stored.event);
    await store.close();
    rmSync(server.dataDir, { recursive: true, force: true });
    const toBots = events.flatMap((event) =>
      "move" in event && event.move.kind === "setController" && event.move.controller.type === "bot"
        ? [event.move]
        : [],
    );
    expect(toBots).toEqual([]);
    expect(events.some((event) => "move" in event && event.move.kind === "chat")).toBe(true);
  });
});

describe("stopping `npm run serve` as a terminal or a service manager does", () => {
  it("closes cleanly when the whole process group gets the signal (npm passes its copy on)", async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
    const dir = mkdtempSync(join(tmpdir(), "parley-group-"));
    // Its own process group, as a terminal's foreground job or a service's control group.
    const child = spawn("npm", ["run", "serve"], {
      cwd: root,
      detached: true,
      env: { ...process.env, HOST: "127.0.0.1", PORT: "0", SQLITE_FILE: join(dir, "parley.sqlite") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    // Closed once every process writing to the pipes has gone: npm ends at the signal, the server after closing.
    const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 30_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Parley is running")) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on("data", read);
      child.stderr?.on("data", read);
    });
    // Serving, as when a person presses Ctrl-C. (A signal sent the instant the line above came,
    // through npm, ended the server without closing in tries here; a later one does not.)
    const port = output.match(/open http:\/\/[^:]+:(\d+)\//)?.[1];
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).ok).toBe(true);
    process.kill(-(child.pid as number), "SIGTERM");
    await closed;
    // A clean close checkpoints SQLite's write-ahead log into the database and removes it.
    const walLeft = existsSync(join(dir, "parley.sqlite-wal"));
    rmSync(dir, { recursive: true, force: true });
    expect(output).toContain("SIGTERM: closing Parley");
    expect(output).not.toContain("again: exiting now");
    expect(walLeft).toBe(false);
  }, 60_000);
});
