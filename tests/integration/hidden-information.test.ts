import type { Package, Scenario, SeatId, TableView } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadCatalog } from "../../server/src/scenarios/catalog.ts";
import { Eavesdropper, expectHeard, expectNeverHeard, whereHeard } from "../helpers/eavesdrop.ts";
import {
  batnaSecret,
  bonusSecret,
  briefSecret,
  fragmentSecret,
  messageSecret,
  payoffSecret,
  personaSecret,
  revealedPayoffs,
  type Secret,
  tokenSecret,
  type ViewerKnows,
} from "../helpers/secrets.ts";
import { bootTestServer, type TestServer } from "../helpers/server.ts";

/**
 * The standard every issue depends on: hidden information never reaches a client that may
 * not see it. A class session with two tables (and a second session) is played to several
 * stages; every client runs everything a curious student could (each HTTP route with its
 * token, other tables' rooms, the overview room, viewer parameters), keeps every byte it
 * receives, and is searched for what it may not know. Each probe is first found in the
 * data of someone entitled to it, so no check passes by being blind.
 */

const scenarioId = "arctic-track-two";
function loadScenario(): Scenario {
  const found = loadCatalog().get(scenarioId);
  if (!found) throw new Error(`The scenario ${scenarioId} is missing`);
  return found;
}
const scenario = loadScenario();
const states = ["canada", "russia", "norway"] as const;
const ngos = ["indigenous-council", "environmental-network"] as const;
const everySeat: SeatId[] = [...states, ...ngos];

const chatAdaToBen = "Between us two: PRIVATE-QUILL-TO-LYRE-7K";
const backChannelCyToAda = "Off the record: PRIVATE-MARROW-BACKCHANNEL-2Q";
const names = { ada: "Ada Quillfeather", ben: "Ben Okonkwo-Lyre", cy: "Cy Marrowdene", dee: "Dee Ashgrove" };

let server: TestServer;
let instructor: Eavesdropper; // session A's
let zed: Eavesdropper; // session B's instructor
let ada: Eavesdropper; // A, table 1, canada
let ben: Eavesdropper; // A, table 1, russia
let cy: Eavesdropper; // A, table 1, norway
let dee: Eavesdropper; // A, table 2, canada
let eve: Eavesdropper; // B, its table, canada
let anonymous: Eavesdropper;
const ids = {
  sessionA: "",
  sessionB: "",
  table1: "",
  table2: "",
  tableB: "",
  participants: [] as { id: string; session: string }[],
};

const statusQuo: Package = { options: Object.fromEntries(scenario.issues.map((i) => [i.id, i.statusQuo])) };

async function join(client: Eavesdropper, session: { id: string; joinCode: string }, name: string, seat: SeatId) {
  const joined = await client.call<{ participantToken: string; participant: { id: string } }>("POST", "/join", {
    code: session.joinCode,
    name,
    seat,
  });
  expect(joined.status).toBe(201);
  client.token = joined.body.participantToken;
  ids.participants.push({ id: joined.body.participant.id, session: session.id });
  return joined.body.participant.id;
}

async function createSession(client: Eavesdropper, tables: number) {
  const created = await client.call<{ session: { id: string; joinCode: string }; instructorToken: string }>(
    "POST",
    "/sessions",
    { scenarioId, tables, timing: { mode: "live", roundSeconds: 600 } },
  );
  expect(created.status).toBe(201);
  client.token = created.body.instructorToken;
  return created.body.session;
}

/**
 * Everything a curious client tries with its token: every instructor route and room of
 * every session it does not run, its own debrief and branch, the public routes.
 */
async function tryEverything(client: Eavesdropper, ownSession?: string) {
  const others = [ids.sessionA, ids.sessionB].filter((s) => s !== ownSession);
  const tablesOf = (session: string) => (session === ids.sessionA ? [ids.table1, ids.table2] : [ids.tableB]);
  const instructorRoutes: [string, string, unknown?][] = [];
  for (const session of others) {
    const s = `/sessions/${session}`;
    instructorRoutes.push(
      ["GET", s],
      ["GET", `${s}/tables`],
      ["GET", `${s}/participants`],
      ["GET", `${s}/export.csv`],
      ["GET", `${s}/export.json`],
      ["GET", `${s}/logs`],
      ["POST", `${s}/control`, { action: "pause" }],
    );
    for (const table of [ids.table1, ids.table2, ids.tableB]) {
      // Another session's table under this session's id, too.
      instructorRoutes.push(
        ["GET", `${s}/tables/${table}/log`],
        ["GET", `${s}/tables/${table}/replay`],
        ["GET", `${s}/tables/${table}/replay?viewer=instructor`],
        ["GET", `${s}/tables/${table}/replay?viewer=russia`],
        ["POST", `${s}/tables/${table}/branch`, { at: 0, seat: "russia" }],
        ["POST", `${s}/tables/${table}/reservation`],
      );
    }
    for (const p of ids.participants) instructorRoutes.push(["POST", `${s}/participants/${p.id}/token`]);
  }
  if (ownSession) {
    // Its own session's id with another session's tables and participants: not found.
    const s = `/sessions/${ownSession}`;
    const foreignTables = [ids.table1, ids.table2, ids.tableB].filter((t) => !tablesOf(ownSession).includes(t));
    for (const table of foreignTables) {
      instructorRoutes.push(
        ["GET", `${s}/tables/${table}/log`],
        ["GET", `${s}/tables/${table}/replay`],
        ["POST", `${s}/tables/${table}/branch`, { at: 0, seat: "russia" }],
        ["POST", `${s}/tables/${table}/reservation`],
        ["POST", `${s}/control`, { action: "pause", tables: [table] }],
      );
    }
    for (const p of ids.participants.filter((p) => p.session !== ownSession)) {
      instructorRoutes.push(
        ["POST", `${s}/participants/${p.id}/token`],
        ["POST", `${s}/participants/${p.id}/seat`, { tableId: null }],
      );
    }
  }
  for (const [method, path, body] of instructorRoutes) {
    const response = await client.call(method, path, body);
    expect(response.status, `${client.name}: ${method} ${path}`).toBeGreaterThanOrEqual(400);
  }
  for (const path of ["/scenarios", `/scenarios/${scenarioId}`, "/health", "/me", "/me/replay?viewer=instructor"]) {
    await client.call("GET", path);
  }
  // A seat at a table of another session.
  const foreignTable = client === eve ? ids.table1 : ids.tableB;
  const request = await client.call("POST", "/me/seat-request", { tableId: foreignTable, seat: "norway" });
  expect(request.status).toBeGreaterThanOrEqual(400);
  expect((await client.call("GET", "/me/log")).status).toBeGreaterThanOrEqual(400);
  expect((await client.call("POST", "/me/branch", { at: 0 })).status).toBeGreaterThanOrEqual(400);

  const token = client.token ?? "";
  const rooms: [string, (c: import("@colyseus/sdk").Client) => Promise<import("@colyseus/sdk").Room>][] = [];
  for (const session of others) {
    rooms.push([
      `overview of ${session}`,
      (c) => c.joinOrCreate("session", { sessionId: session, instructorToken: token }),
    ]);
  }
  for (const table of others.flatMap(tablesOf)) {
    rooms.push(
      [`table ${table} as instructor`, (c) => c.joinById(table, { instructorToken: token })],
      [
        `table ${table} with a forged ticket`,
        (c) => c.create("table", { tableId: table, openTicket: token || "guess" }),
      ],
      [`table ${table} with no token`, (c) => c.joinById(table, {})],
    );
  }
  for (const [where, enter] of rooms) {
    const room = await client.tryRoom(where, enter);
    expect(room, `${client.name} got into ${where}`).toBeUndefined();
  }
}

/** Other tables' rooms with the client's own participant token: refused. */
async function tryOtherTables(client: Eavesdropper, own: string) {
  for (const table of [ids.table1, ids.table2, ids.tableB].filter((t) => t !== own)) {
    const room = await client.tryRoom(`table ${table} as a player`, (c) =>
      c.joinById(table, { participantToken: client.token ?? "" }),
    );
    expect(room, `${client.name} sat at another table`).toBeUndefined();
  }
}

const briefsBut = (...own: SeatId[]) => everySeat.filter((s) => !own.includes(s)).map((s) => briefSecret(scenario, s));
const batnas = { canada: [44, 43], russia: [46, 45], norway: [44, 43] };
const tokensBut = (...own: Eavesdropper[]) =>
  [instructor, zed, ada, ben, cy, dee, eve]
    .filter((c) => !own.includes(c))
    .map((c) => tokenSecret(`${c.name}'s token`, c.token ?? ""));
const namesOfA = Object.values(names).map((n) => messageSecret(`the name ${n}`, n));

const proposalToRussia = [
  fragmentSecret("Canada's proposal to Russia alone", '"by":"canada","to":["russia"]'),
  messageSecret("the log line of Canada's proposal to Russia", "Canada proposes to Russia (proposal"),
];
const chat = messageSecret("Ada's private chat to Ben", chatAdaToBen);
const backChannel = messageSecret("Cy's back channel to Ada", backChannelCyToAda);
const factFindingOffer = [
  fragmentSecret(
    "Canada's offer of joint fact-finding to Norway",
    '"issueId":"monitoring","parties":["canada","norway"]',
  ),
  messageSecret("the log line of that offer", "Canada proposes joint fact-finding on"),
];
// The rules announce a withholding to the whole table (its log line is public); the view's
// list of withholdings in force names only the viewer's own.
const withholding = [fragmentSecret("Russia withholding from Norway, in force", '"by":"russia","from":"norway"')];

/** What a seat of the scenario may not know of the others, besides its table's private moves. */
function otherSeatsSecrets(seat: "canada" | "russia" | "norway", knows: ViewerKnows = { seat }): Secret[] {
  const others = states.filter((s) => s !== seat);
  return [
    ...briefsBut(seat),
    ...others.map((o) => payoffSecret(scenario, o, knows)),
    ...others.map((o) => bonusSecret(scenario, o, knows)),
    ...others
      .filter((o) => batnas[o][0] !== batnas[seat][0])
      .map((o) => batnaSecret(`${o}'s BATNA`, batnas[o], batnas[seat])),
  ];
}

const forbidden = {
  ada: () => [
    ...otherSeatsSecrets("canada", { seat: "canada", revealed: { russia: ["benefit-sharing"] } }),
    personaSecret,
    ...withholding,
    ...tokensBut(ada),
  ],
  ben: () => [...otherSeatsSecrets("russia"), personaSecret, backChannel, ...factFindingOffer, ...tokensBut(ben)],
  cy: () => [...otherSeatsSecrets("norway"), personaSecret, chat, ...proposalToRussia, ...tokensBut(cy)],
  dee: () => [
    ...otherSeatsSecrets("canada"),
    personaSecret,
    chat,
    backChannel,
    ...proposalToRussia,
    ...factFindingOffer,
    ...withholding,
    ...tokensBut(dee),
  ],
  eve: () => [...forbidden.dee().filter((s) => !s.label.startsWith("Eve")), ...tokensBut(eve), ...namesOfA],
  zed: () => [
    chat,
    backChannel,
    ...proposalToRussia,
    ...factFindingOffer,
    ...withholding,
    ...tokensBut(zed),
    ...namesOfA,
  ],
  anonymous: () => [
    ...everySeat.map((s) => briefSecret(scenario, s)),
    ...states.map((s) => payoffSecret(scenario, s, {})),
    batnaSecret("the states' BATNAs", [44, 46, 43, 45], []),
    personaSecret,
    chat,
    backChannel,
    ...proposalToRussia,
    ...factFindingOffer,
    ...withholding,
    ...tokensBut(),
    ...namesOfA,
  ],
};

beforeAll(async () => {
  // Bots stay still, so the script below is exactly what happens at each table.
  server = await bootTestServer({ botDelayMs: 600_000 });
  const client = (name: string) => new Eavesdropper(name, server.url);
  instructor = client("Session A's instructor");
  zed = client("Session B's instructor");
  ada = client("Ada (table 1, Canada)");
  ben = client("Ben (table 1, Russia)");
  cy = client("Cy (table 1, Norway)");
  dee = client("Dee (table 2, Canada)");
  eve = client("Eve (session B, Canada)");
  anonymous = client("An anonymous client");

  const a = await createSession(instructor, 2);
  const b = await createSession(zed, 1);
  ids.sessionA = a.id;
  ids.sessionB = b.id;
  const seated = {
    ada: await join(ada, a, names.ada, "canada"),
    ben: await join(ben, a, names.ben, "russia"),
    cy: await join(cy, a, names.cy, "norway"),
    dee: await join(dee, a, names.dee, "canada"),
  };
  await join(eve, b, "Eve Thornbury", "canada");
  const tables = await instructor.call<{ tableId: string; number: number }[]>("GET", `/sessions/${a.id}/tables`);
  ids.table1 = tables.body.find((t) => t.number === 1)?.tableId ?? "";
  ids.table2 = tables.body.find((t) => t.number === 2)?.tableId ?? "";
  ids.tableB = (await zed.call<{ tableId: string }[]>("GET", `/sessions/${b.id}/tables`)).body[0]?.tableId ?? "";
  const place = async (participant: string, tableId: string, seat: SeatId) => {
    const moved = await instructor.call("POST", `/sessions/${a.id}/participants/${participant}/seat`, {
      tableId,
      seat,
    });
    expect(moved.status).toBe(200);
  };
  await place(seated.ada, ids.table1, "canada");
  await place(seated.ben, ids.table1, "russia");
  await place(seated.cy, ids.table1, "norway");
  await place(seated.dee, ids.table2, "canada");
  expect((await instructor.call("POST", `/sessions/${a.id}/control`, { action: "start" })).status).toBe(200);
  expect((await zed.call("POST", `/sessions/${b.id}/control`, { action: "start" })).status).toBe(200);

  for (const student of [ada, ben, cy, dee, eve]) await student.connectToMyTable();
  for (const table of [ids.table1, ids.table2]) {
    const reservation = await instructor.call("POST", `/sessions/${a.id}/tables/${table}/reservation`);
    expect(await instructor.consume(reservation.body, `table ${table} (watching)`)).toBeDefined();
  }
  const overview = await instructor.tryRoom("overview", (c) =>
    c.joinOrCreate("session", { sessionId: a.id, instructorToken: instructor.token }),
  );
  expect(overview).toBeDefined();

  // Round 1 at table 1: moves meant for some seats only.
  expect(await ada.move({ kind: "propose", to: ["russia"], package: statusQuo, framing: "plain" })).toBe("ack");
  expect(await ada.move({ kind: "chat", text: chatAdaToBen, to: ["russia"] })).toBe("ack");
  expect(await ben.move({ kind: "shareInterests", to: ["canada"], issueIds: ["benefit-sharing"] })).toBe("ack");
  expect(await cy.move({ kind: "backChannel", to: "canada", text: backChannelCyToAda })).toBe("ack");
  const advanced = await instructor.call("POST", `/sessions/${a.id}/control`, {
    action: "advanceRound",
    tables: [ids.table1],
  });
  expect(advanced.status).toBe(200);
  // Round 2: an offer of joint fact-finding (canada, norway) and a withholding (russia from norway).
  expect(await ada.move({ kind: "jointFactFinding", with: "norway", issueId: "monitoring" })).toBe("ack");
  expect(await ben.move({ kind: "withhold", from: "norway" })).toBe("ack");
  const seq = () =>
    instructor
      .views()
      .filter((v) => v.viewer === "instructor" && v.scenario && v.round === 2)
      .at(-1)?.seq;
  await vi.waitFor(() => {
    for (const student of [ada, ben, cy]) expect(student.lastView()?.seq).toBe(seq());
  });

  // The instructor reads everything there is (the entitled side of every probe).
  for (const path of ["", "/tables", "/participants", "/export.csv", "/export.json", "/logs"]) {
    expect((await instructor.call("GET", `/sessions/${a.id}${path}`)).status).toBe(200);
  }
  for (const table of [ids.table1, ids.table2]) {
    expect((await instructor.call("GET", `/sessions/${a.id}/tables/${table}/log`)).status).toBe(200);
    expect((await instructor.call("GET", `/sessions/${a.id}/tables/${table}/replay`)).status).toBe(200);
  }
  for (const path of ["", "/tables", "/export.json", "/logs"]) await zed.call("GET", `/sessions/${b.id}${path}`);
});

afterAll(async () => {
  for (const c of [instructor, zed, ada, ben, cy, dee, eve, anonymous]) await c?.leaveRooms();
  await server?.stop();
});

describe("during play, nobody receives what is not theirs", () => {
  it("every probe finds its datum in the instructor's data (the probes are not blind)", () => {
    const all = Object.values(forbidden).flatMap((f) => f());
    const notTokens = all.filter((s) => !s.label.endsWith("token"));
    expectHeard(instructor.everything(), notTokens, "the instructor");
    for (const owner of [instructor, zed, ada, ben, cy, dee, eve]) {
      expectHeard(owner.everything(), [tokenSecret(`${owner.name}'s token`, owner.token ?? "")], owner.name);
    }
    // The raw frames are searched too: the instructor's hold the other seats' briefs as bytes.
    expect(whereHeard([], instructor.frames(), briefSecret(scenario, "russia")).length).toBeGreaterThan(0);
  });

  it("each student holds what was shown to it: its own secrets and the private moves addressed to it", () => {
    expectHeard(ada.everything(), [briefSecret(scenario, "canada"), chat, backChannel], "Ada");
    expectHeard(ada.everything(), [revealedPayoffs(scenario, "russia", ["benefit-sharing"], "canada")], "Ada");
    expectHeard(ben.everything(), [briefSecret(scenario, "russia"), chat, ...proposalToRussia], "Ben");
    expectHeard(ben.everything(), [...withholding], "Ben");
    expectHeard(cy.everything(), [briefSecret(scenario, "norway"), backChannel, ...withholding], "Cy");
    expectHeard(cy.everything(), [...factFindingOffer], "Cy");
    expectHeard(dee.everything(), [briefSecret(scenario, "canada")], "Dee");
  });

  it("students at the same table see only their own seat's secrets and the moves addressed to them", async () => {
    for (const [client, table] of [
      [ada, ids.table1],
      [ben, ids.table1],
      [cy, ids.table1],
    ] as const) {
      await tryEverything(client);
      await tryOtherTables(client, table);
    }
    expectNeverHeard(ada, forbidden.ada());
    expectNeverHeard(ben, forbidden.ben());
    expectNeverHeard(cy, forbidden.cy());
  });

  it("a student at another table, a student and the instructor of another session, and anonymous clients learn nothing", async () => {
    await tryEverything(dee);
    await tryOtherTables(dee, ids.table2);
    await tryEverything(eve);
    await tryOtherTables(eve, ids.tableB);
    await tryEverything(zed, ids.sessionB);
    await tryEverything(anonymous);
    expectNeverHeard(dee, forbidden.dee());
    expectNeverHeard(eve, forbidden.eve());
    expectNeverHeard(zed, forbidden.zed());
    expectNeverHeard(anonymous, forbidden.anonymous());
  });

  it("nothing a refused client tried changed the session", async () => {
    const overview = await instructor.call<{ tables: { status: string }[]; participants: { name: string }[] }>(
      "GET",
      `/sessions/${ids.sessionA}`,
    );
    expect(overview.body.tables.map((t) => t.status)).toEqual(["running", "running"]);
    expect(overview.body.participants.map((p) => p.name)).toEqual(Object.values(names));
  });

  it("the replay for a seat holds exactly that seat's view; for the public, nothing private", async () => {
    const asNorway = await instructor.call(
      "GET",
      `/sessions/${ids.sessionA}/tables/${ids.table1}/replay?viewer=norway`,
    );
    const public_ = await instructor.call(
      "GET",
      `/sessions/${ids.sessionA}/tables/${ids.table1}/replay?viewer=observer`,
    );
    const seatless = new Eavesdropper("the replays", server.url);
    const norwayText = [{ where: "replay as norway", text: asNorway.text }];
    expect(whereHeard(norwayText, [], briefSecret(scenario, "norway")).length).toBeGreaterThan(0);
    for (const secret of forbidden.cy().filter((s) => !s.label.endsWith("token")))
      expect(whereHeard(norwayText, [], secret), secret.label).toEqual([]);
    for (const secret of [...everySeat.map((s) => briefSecret(scenario, s)), personaSecret, chat, backChannel])
      expect(whereHeard([{ where: "public replay", text: public_.text }], [], secret), secret.label).toEqual([]);
    expect(
      (await seatless.call("GET", `/sessions/${ids.sessionA}/tables/${ids.table1}/replay?viewer=norway`)).status,
    ).toBe(401);
    const nobody = await instructor.call("GET", `/sessions/${ids.sessionA}/tables/${ids.table1}/replay?viewer=nobody`);
    expect(nobody.status).toBe(400);
  });

  it("the public room state holds only the documented public facts", () => {
    const state = JSON.parse(
      ada
        .everything()
        .filter((h) => h.where === "my table state now")
        .at(-1)?.text ?? "{}",
    );
    expect(Object.keys(state).sort()).toEqual([
      "deadlineAt",
      "number",
      "phase",
      "remainingMs",
      "round",
      "seats",
      "status",
    ]);
    for (const seat of Object.values(state.seats as Record<string, object>)) {
      expect(Object.keys(seat).sort()).toEqual(["bot", "connected", "name"]);
    }
  });
});

describe("once one table has ended, the others' secrets stay hidden until the session ends", () => {
  it("the ended table's student sees the outcome and its own score, but nothing of the others, nor a way to it", async () => {
    const ended = await instructor.call("POST", `/sessions/${ids.sessionA}/control`, {
      action: "end",
      tables: [ids.table2],
    });
    expect(ended.status).toBe(200);
    await vi.waitFor(() => expect(dee.lastView()?.phase).toBe("ended"));
    // Table 1 still plays the same parties: Dee's results are held, her own score excepted.
    const atTheEnd = dee.lastView();
    expect(atTheEnd?.resultsHeld).toBe(true);
    expect(atTheEnd?.scores?.map((s) => s.seat)).toEqual(["canada"]);
    expect(atTheEnd?.report).toBeUndefined();

    // Every way to the debrief or to a "what if" stays shut while table 1 plays.
    const log = await dee.call("GET", "/me/log");
    expect(log.status).toBe(409);
    const branch = await dee.call<{ participantToken: string }>("POST", "/me/branch", { at: 0 });
    if (branch.status === 201) {
      // A branch that ends at once would open its own full debrief: try it, as a student would.
      const branchPlayer = dee.token;
      dee.token = branch.body.participantToken;
      await dee.connectToMyTable();
      await dee.move({ kind: "walkAway" });
      await dee.call("GET", "/me/log");
      dee.token = branchPlayer;
    }
    expectNeverHeard(dee, forbidden.dee());
    expect(branch.status).toBe(409);
    await tryEverything(dee);
    // Her replay's last step is held the same way.
    const replay = await dee.call<{ steps: { view: TableView }[] }>("GET", "/me/replay");
    expect(replay.body.steps.at(-1)?.view.resultsHeld).toBe(true);
    expectNeverHeard(dee, forbidden.dee());
    // Table 1 plays on: its students still see no persona.
    expectNeverHeard(ada, forbidden.ada());
  });

  it("once every table has ended, the results open at the ended table and the debrief reveals the whole game", async () => {
    expect((await instructor.call("POST", `/sessions/${ids.sessionA}/control`, { action: "end" })).status).toBe(200);
    // Dee's table, ended before, opens its results by itself: every score, the bots' personas.
    await vi.waitFor(() => expect(dee.lastView()?.resultsHeld).toBeUndefined());
    const opened = dee.lastView();
    expect(opened?.scores?.map((s) => s.seat)).toEqual(opened?.parties.map((p) => p.id));
    expect(opened?.scores).toHaveLength(5);
    expectHeard(dee.everything(), [personaSecret], "Dee once the session has ended");
    const log = await dee.call("GET", "/me/log");
    expect(log.status).toBe(200);
    expectHeard(dee.everything(), briefsBut("canada"), "Dee after the session");
    const branch = await dee.call("POST", "/me/branch", { at: 0 });
    expect(branch.status).toBe(201);
  });
});

describe("before the start", () => {
  it("a student cannot read a second party's brief by asking for its seat; moving tables as the same party is free", async () => {
    const teacher = new Eavesdropper("another instructor", server.url);
    const session = await createSession(teacher, 2);
    const fay = new Eavesdropper("Fay", server.url);
    await join(fay, session, "Fay Oduya", "canada");
    await fay.connectToMyTable();
    const tables = await teacher.call<{ tableId: string; number: number }[]>("GET", `/sessions/${session.id}/tables`);
    const [first, second] = [1, 2].map((n) => tables.body.find((t) => t.number === n)?.tableId ?? "");
    const mine = (await fay.call<{ participant: { tableId: string } }>("GET", "/me")).body.participant.tableId;
    const other = mine === first ? second : first;

    // Another party's seat, free and before the start: a request for the instructor, not a move.
    const party = await fay.call("POST", "/me/seat-request", { tableId: mine, seat: "russia" });
    expect(party.body).toMatchObject({ granted: false, participant: { seat: "canada" } });
    const elsewhere = await fay.call("POST", "/me/seat-request", { tableId: other, seat: "norway" });
    expect(elsewhere.body).toMatchObject({ granted: false, participant: { seat: "canada" } });
    await fay.connectToMyTable();
    expect(fay.lastView()?.me?.seat).toBe("canada");
    const secrets = [briefSecret(scenario, "russia"), briefSecret(scenario, "norway")];
    expectHeard(teacher.everything().concat(instructor.everything()), secrets, "the instructors");
    expectNeverHeard(fay, secrets);
    const requested = await teacher.call<{ requested: { seat: string } | null }[]>(
      "GET",
      `/sessions/${session.id}/participants`,
    );
    expect(requested.body[0]?.requested).toMatchObject({ tableId: other, seat: "norway" });

    // The same party at another table (to sit with friends) reveals nothing new: granted at once.
    const friends = await fay.call("POST", "/me/seat-request", { tableId: other, seat: "canada" });
    expect(friends.body).toMatchObject({ granted: true, participant: { tableId: other, seat: "canada" } });
    await fay.leaveRooms();
  });
});

describe("a token that got out", () => {
  it("a new token from the instructor shuts out whoever holds the old one, connected or not", async () => {
    const teacher = new Eavesdropper("Gus's instructor", server.url);
    const session = await createSession(teacher, 1);
    const gus = new Eavesdropper("Gus", server.url);
    const participant = await join(gus, session, "Gus Pellham", "russia");
    // A classmate copied Gus's link and sits at his seat with it.
    const holder = new Eavesdropper("whoever holds Gus's old token", server.url, gus.token);
    const stolen = await holder.connectToMyTable();
    expect(holder.lastView()?.me?.seat).toBe("russia");
    let closedWith: number | undefined;
    stolen.onLeave((code) => {
      closedWith = code;
    });

    const renewed = await teacher.call<{ participantToken: string }>(
      "POST",
      `/sessions/${session.id}/participants/${participant}/token`,
    );
    expect(renewed.status).toBe(200);
    await vi.waitFor(() => expect(stolen.connection.isOpen).toBe(false));
    // Its own close code (not a second tab's), so the page says the link was replaced.
    await vi.waitFor(() => expect(closedWith).toBe(4101));
    const views = holder.views().length;
    expect((await holder.call("POST", "/me/reservation")).status).toBe(403);
    const back = await holder.tryRoom("Gus's seat, reconnecting", (c) => c.reconnect(stolen.reconnectionToken));
    expect(back).toBeUndefined();

    gus.token = renewed.body.participantToken;
    await gus.connectToMyTable();
    expect((await teacher.call("POST", `/sessions/${session.id}/control`, { action: "start" })).status).toBe(200);
    expect(await gus.move({ kind: "chat", text: "Only Gus reads this: PRIVATE-PELLHAM-9" })).toBe("ack");
    await vi.waitFor(() => expect(gus.lastView()?.log.some((e) => e.text.includes("PELLHAM"))).toBe(true));
    expect(holder.views().length).toBe(views);
    expectNeverHeard(holder, [tokenSecret("Gus's new token", gus.token ?? ""), messageSecret("Gus's chat", "PELLHAM")]);
    await gus.leaveRooms();
  });
});
