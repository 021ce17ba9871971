/**
 * Takes the README's screenshots from a real run: a class session on U.S.–China with two
 * tables, one student in the browser and one over the SDK, the instructor's dashboard and
 * the debrief. Run with `npm run screenshots` (it builds the client first).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type SeatReservation } from "@colyseus/sdk";
import { chromium, type Page } from "playwright-core";
import { startServer } from "../../server/src/app.ts";
import { loadCatalog } from "../../server/src/scenarios/catalog.ts";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";

const port = Number(process.env.SCREENSHOT_PORT ?? 2804);
const out = join(import.meta.dirname, "../../docs/screenshots");
const base = `http://127.0.0.1:${port}`;
// The pages open the server by a school's host name (mapped to this computer below), as a
// class would: at 127.0.0.1 the dashboard says, rightly, that students cannot reach it.
const pageBase = `http://parley.school.example:${port}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${await response.text()}`);
  return (await response.json()) as T;
}

const dir = mkdtempSync(join(tmpdir(), "parley-shots-"));
const store = await openSqliteStore(join(dir, "parley.sqlite"));
const server = await startServer(
  { store, catalog: loadCatalog(), botDelayMs: 200, reconnectSeconds: 30 },
  { port, host: "127.0.0.1" },
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP parley.school.example 127.0.0.1"],
});
try {
  const created = await call<{ session: { id: string; joinCode: string }; instructorToken: string }>(
    "POST",
    "/sessions",
    {
      scenarioId: "us-china-tariffs",
      title: "IR 210, Tuesday",
      timing: { mode: "live", roundSeconds: 600 },
      tables: 2,
    },
  );
  const sessionId = created.session.id;
  const token = created.instructorToken;
  type Joined = { participantToken: string; participant: { id: string; tableId: string; seat: string; party: string } };
  const ada = await call<Joined>("POST", "/join", { code: created.session.joinCode, name: "Ada", seat: "usa" });
  const lin = await call<Joined>("POST", "/join", { code: created.session.joinCode, name: "Lin", seat: "china" });
  await call<Joined>("POST", "/join", { code: created.session.joinCode, name: "Sam", seat: "usa" });
  await call("POST", `/sessions/${sessionId}/control`, { action: "start" }, token);

  const linRoom = await new Client(base.replace("http", "ws")).consumeSeatReservation(
    await call<SeatReservation>("POST", "/me/reservation", {}, lin.participantToken),
  );
  const prepare = async (page: Page) => {
    await page.addInitScript(
      ([seat, session]) => {
        localStorage.setItem("parley.seats", seat ?? "[]");
        localStorage.setItem("parley.sessions", session ?? "[]");
      },
      [
        JSON.stringify([
          {
            participantId: ada.participant.id,
            token: ada.participantToken,
            kind: "class",
            title: "IR 210, Tuesday",
            party: "United States",
            seat: "usa",
            tableId: ada.participant.tableId,
            savedAt: "",
          },
        ]),
        JSON.stringify([
          {
            sessionId,
            token,
            title: "IR 210, Tuesday",
            scenarioTitle: "U.S.–China",
            joinCode: created.session.joinCode,
            savedAt: "",
          },
        ]),
      ],
    );
  };

  // The table, mid-negotiation: China has shared interests and proposed, Ada has offered a package.
  const student = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  await prepare(student);
  await student.goto(`${pageBase}/play/${ada.participant.id}`);
  await student.getByRole("heading", { name: "Your brief" }).waitFor();
  linRoom.send("move", { move: { kind: "shareInterests", to: ["usa"], issueIds: ["tariffs", "chips"] } });
  await sleep(400);
  linRoom.send("move", { move: { kind: "chat", text: "We can move on purchases if the chip controls ease." } });
  await student
    .getByRole("group", { name: "Tariffs" })
    .getByRole("radio", { name: /2018–19 tariffs only/ })
    .check();
  await student
    .getByRole("group", { name: "Purchase commitments" })
    .getByRole("radio", { name: /Large purchases/ })
    .check();
  await student.getByRole("radio", { name: /^Package offer across issues/ }).check();
  await student.getByRole("button", { name: "Propose this package" }).click();
  await sleep(600);
  linRoom.send("move", {
    move: {
      kind: "propose",
      to: ["usa"],
      package: {
        options: {
          tariffs: "roll-back-2018",
          purchases: "modest",
          chips: "licensing-window",
          minerals: "licensed-supply",
          ip: "written-commitments",
          consultation: "annual-dialogue",
        },
      },
      framing: "package",
    },
  });
  await sleep(1200);
  await student.evaluate(() => window.scrollTo(0, 0));
  await student.screenshot({ path: join(out, "table.png") });

  // The dashboard, with both tables live.
  const teacher = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await prepare(teacher);
  await teacher.goto(`${pageBase}/teach/${sessionId}`);
  await teacher.getByTestId("table-card-2").waitFor();
  await sleep(1500);
  await teacher.screenshot({ path: join(out, "dashboard.png"), fullPage: true });

  // The debrief: Ada accepts China's package, the session ends, the instructor replays table 1.
  const accept = student.getByRole("button", { name: /^Accept proposal/ }).first();
  if (await accept.isVisible()) await accept.click();
  await sleep(800);
  await call("POST", `/sessions/${sessionId}/control`, { action: "end" }, token);
  await teacher.goto(`${pageBase}/replay/${sessionId}/${ada.participant.tableId}`);
  await teacher.getByRole("slider").waitFor();
  await sleep(1500);
  await teacher.screenshot({ path: join(out, "debrief.png"), fullPage: false });
  await linRoom.leave();
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
