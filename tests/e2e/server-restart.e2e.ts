import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { teachSession } from "./classroom.ts";

/**
 * A server restart in the middle of a game (a deploy: SIGTERM, then the new process), as the
 * student sees it. This test runs its own server process, on its own port and database.
 */
const port = Number(process.env.E2E_PORT ?? 2611) + 50;
const origin = `http://127.0.0.1:${port}`;
const root = join(import.meta.dirname, "../..");
const data = mkdtempSync(join(tmpdir(), "parley-e2e-restart-"));

function startServer(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SQLITE_FILE: join(data, "parley.sqlite"),
      BOT_DELAY_MS: "50",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function healthy(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The server did not start");
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

let server: ChildProcess | undefined;

/** The test's own server, started again if an earlier test left it stopped. */
async function serverUp(): Promise<ChildProcess> {
  if (server && server.exitCode === null) return server;
  const started = startServer();
  server = started;
  await healthy();
  return started;
}
test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = exitOf(server);
    server.kill("SIGKILL");
    await exited;
  }
  rmSync(data, { recursive: true, force: true });
});

test("a server restart or crash mid-game: the table stays on screen, the seat comes back by itself, play goes on", async ({
  page,
}) => {
  test.setTimeout(90_000);
  server = startServer();
  await healthy();
  await page.goto(`${origin}/solo`);
  await page.getByLabel("Scenario").selectOption("us-china-tariffs");
  await page.getByRole("radio", { name: /United States/ }).check();
  await page.getByLabel("Bot playing China").selectOption("conceder");
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
  const conversation = page.getByRole("list", { name: "Conversation" });
  await page.getByLabel("Message").fill("Before the restart");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(conversation).toContainText("Before the restart");

  // The deploy stops the server: it closes cleanly, and the page keeps the table.
  const stopped = exitOf(server);
  server.kill("SIGTERM");
  expect(await stopped).toBe(0);
  await expect(page.getByText("Reconnecting…")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
  await expect(conversation).toContainText("Before the restart");
  // A line sent while the server is away is kept, and reaches the table once it is back.
  await page.getByLabel("Message").fill("Sent while it was down");
  await page.getByRole("button", { name: "Send", exact: true }).click();

  // The new process: the seat is taken again without a click, and the game goes on.
  server = startServer();
  await healthy();
  await expect(page.getByText("Reconnecting…")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Table unavailable" })).toHaveCount(0);
  await expect(conversation).toContainText("Sent while it was down");
  await page.getByLabel("Message").fill("After the restart");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(conversation).toContainText("After the restart");
  await expect(conversation).toContainText("Before the restart");

  // A crash (SIGKILL) is found the same way, once the SDK gives up resuming the old connection.
  const killed = exitOf(server);
  server.kill("SIGKILL");
  await killed;
  await expect(page.getByText("Reconnecting…")).toBeVisible();
  await page.getByLabel("Message").fill("Sent during the crash");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  server = startServer();
  await healthy();
  await expect(page.getByText("Reconnecting…")).toHaveCount(0, { timeout: 45_000 });
  await page.getByLabel("Message").fill("After the crash");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(conversation).toContainText("After the crash");
  await expect(conversation).toContainText("Sent during the crash");
  await expect(conversation).toContainText("After the restart");
});

test("a server restart while the instructor watches: the dashboard says so, reconnects by itself and is live again", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const running = await serverUp();
  const { dashboard, code } = await teachSession(browser, { tables: "1", origin });
  await expect(dashboard.getByText(/Instructor dashboard · live/)).toBeVisible();

  const stopped = exitOf(running);
  running.kill("SIGTERM");
  expect(await stopped).toBe(0);
  await expect(dashboard.getByTestId("dashboard-reconnecting")).toBeVisible();
  await expect(dashboard.getByText(/Instructor dashboard · reconnecting…/)).toBeVisible();

  server = startServer();
  await healthy();
  // Back without a reload (its tries wait up to 30 s apart; the first few come sooner).
  await expect(dashboard.getByTestId("dashboard-reconnecting")).toHaveCount(0, { timeout: 45_000 });
  await expect(dashboard.getByText(/Instructor dashboard · live/)).toBeVisible();
  // Live again: a student who joins now appears on the table's card as she sits down.
  const student = await (await browser.newContext()).newPage();
  await student.goto(`${origin}/join`);
  await student.getByLabel("Join code").fill(code);
  await student.getByLabel(/Your name/).fill("Dana");
  await student.getByRole("button", { name: "Take my seat" }).click();
  await expect(student.getByRole("heading", { name: "Your brief" })).toBeVisible();
  await expect(dashboard.getByTestId("table-card-1")).toContainText("Dana");
  await student.context().close();
  await dashboard.context().close();
});

test("the classroom's Wi-Fi drops a student and the instructor for most of a minute: back online, both pages are live again at once", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await serverUp();
  const { dashboard, code } = await teachSession(browser, { tables: "1", origin });
  const student = await (await browser.newContext()).newPage();
  await student.goto(`${origin}/join#code=${code}`);
  await student.getByLabel(/Your name/).fill("Wen");
  await student.getByRole("button", { name: "Take my seat" }).click();
  await expect(student.getByRole("heading", { name: "Your brief" })).toBeVisible();
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(dashboard.getByTestId("table-card-1")).toContainText("running");

  await student.context().setOffline(true);
  await dashboard.context().setOffline(true);
  await expect(student.getByText("Reconnecting…")).toBeVisible({ timeout: 15_000 });
  await expect(dashboard.getByTestId("dashboard-reconnecting")).toBeVisible({ timeout: 15_000 });
  // Within the seat's reconnection window (60 s), but past the attempts' first quick steps:
  // the pages had been left waiting up to half a minute for their next one.
  await student.waitForTimeout(45_000);
  await student.context().setOffline(false);
  await dashboard.context().setOffline(false);
  await expect(student.getByText("Reconnecting…")).toHaveCount(0, { timeout: 6_000 });
  await expect(student.getByRole("heading", { name: "Table unavailable" })).toHaveCount(0);
  await expect(dashboard.getByTestId("dashboard-reconnecting")).toHaveCount(0, { timeout: 6_000 });
  await expect(dashboard.getByTestId("table-card-1")).toContainText("Wen · online");
  await student.context().close();
  await dashboard.context().close();
});
