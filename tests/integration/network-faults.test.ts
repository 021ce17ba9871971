import { Client, type Room } from "@colyseus/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { foldedView, rawLog, seededRandom, watchTable } from "../helpers/chaos.ts";
import { connectStudent, createSession, joinSession, lastView, type Seen, watch } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";
import { startTcpProxy, type TcpProxy } from "../helpers/tcpProxy.ts";

/**
 * Connections that die uncleanly: a TCP proxy between one student and the server resets
 * the connection (no WebSocket close, no FIN), as Wi-Fi dropping out or a laptop lid
 * closing would. session-controls.test.ts covers a drop cut from the server's side; here
 * the network itself fails, and the student's own SDK has to find its way back.
 */
const reconnectSeconds = 2;
let server: TestServer;
let proxy: TcpProxy;
beforeAll(async () => {
  server = await bootTestServer({ botDelayMs: 0, reconnectSeconds, sweepIntervalMs: 300 });
  proxy = await startTcpProxy(server.port);
});
afterEach(() => {
  proxy.up(); // a failed test leaves the network working for the next
});
afterAll(async () => {
  await proxy.close();
  await server.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Seat {
  seat: string;
  connected: boolean;
  botCoversAt: string | null;
  controller: { type: "human"; name: string } | { type: "bot"; persona?: string };
}

/**
 * A three-seat table: Ana reaches the server through the proxy, Ben directly, a bot plays
 * the third seat. Started, with everyone's first view in.
 */
async function tableWithAnaBehindTheProxy() {
  const created = await createSession(server.url, {
    scenarioId: "camp-david-1978",
    tables: 1,
    timing: { mode: "live", roundSeconds: 600 },
  });
  const ana = await joinSession(server.url, created.session.joinCode, "Ana");
  const ben = await joinSession(server.url, created.session.joinCode, "Ben");
  const anaClient = await connectStudent(proxy.url, ana.participantToken);
  const benClient = await connectStudent(server.url, ben.participantToken);
  // Retry quickly and from the first second, as the web client does (minUptime 0).
  anaClient.room.reconnection.minUptime = 0;
  anaClient.room.reconnection.maxDelay = 250;
  const { tableId } = ana.participant;
  const sessionId = created.session.id;
  const token = created.instructorToken;
  const started = await http(server.url, "POST", `/sessions/${sessionId}/control`, {
    token,
    body: { action: "start" },
  });
  expect(started.status).toBe(200);
  for (const c of [anaClient, benClient]) await vi.waitFor(() => expect(c.seen.views.length).toBeGreaterThan(0));
  /** The dashboard's view of a seat (GET /sessions/:id/tables, the same as the overview). */
  const dashboardSeat = async (seat: string): Promise<Seat> => {
    const tables = await http<{ seats: Seat[] & { seat: string }[] }[]>(
      server.url,
      "GET",
      `/sessions/${sessionId}/tables`,
      { token },
    );
    return tables.body[0]?.seats.find((s) => s.seat === seat) as Seat;
  };
  const log = () => rawLog(server.url, sessionId, tableId, token);
  return { sessionId, token, tableId, ana, ben, anaClient, benClient, dashboardSeat, log };
}

/** Resolves when the room's connection drops (and the SDK starts reconnecting). */
const dropped = (room: Room) => new Promise<void>((resolve) => room.onDrop(() => resolve()));
const reconnected = (room: Room) => new Promise<void>((resolve) => room.onReconnect(() => resolve()));

describe("unclean drops", () => {
  it("holds the seat through a network cut, and automatic reconnection brings back the full view", async () => {
    const t = await tableWithAnaBehindTheProxy();
    const anaSeat = t.ana.participant.seat;
    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).connected).toBe(true));

    // The instructor's dashboard follows the session room's live summaries.
    const dashboard = await new Client(server.wsUrl).joinOrCreate("session", {
      sessionId: t.sessionId,
      instructorToken: t.token,
    });
    const summaries: { seats: Seat[] }[] = [];
    dashboard.onMessage("overview", () => undefined);
    dashboard.onMessage("participants", () => undefined);
    dashboard.onMessage("table", (summary: { seats: Seat[] }) => summaries.push(summary));
    const shown = () => (summaries[summaries.length - 1] as { seats: Seat[] }).seats.find((s) => s.seat === anaSeat);
    const onlineAtBen = () => t.benClient.room.state.seats.get(anaSeat)?.connected;

    expect((await t.dashboardSeat(anaSeat)).botCoversAt).toBeNull();
    const drop = dropped(t.anaClient.room);
    const back = reconnected(t.anaClient.room);
    const cutAt = Date.now();
    proxy.down();
    proxy.cut();
    await drop;
    // The server notices the reset at once: the dashboard shows Ana offline, still in her seat,
    // and when a bot takes it over should she not be back (the reconnection window).
    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).connected).toBe(false));
    await vi.waitFor(() => expect(shown()?.connected).toBe(false));
    const coversAt = Date.parse(shown()?.botCoversAt ?? "");
    expect(coversAt).toBeGreaterThanOrEqual(cutAt + reconnectSeconds * 1000);
    expect(coversAt).toBeLessThanOrEqual(Date.now() + reconnectSeconds * 1000);
    expect((await t.dashboardSeat(anaSeat)).botCoversAt).toBe(shown()?.botCoversAt);
    await vi.waitFor(() => expect(onlineAtBen()).toBe(false));

    // Meanwhile Ben talks and makes his move; the bot makes its own. Ana stays offline in every
    // picture of the table, however often it changes.
    t.benClient.room.send("move", { clientSeq: 1, move: { kind: "chat", text: "Ben, while Ana is away" } });
    t.benClient.room.send("move", { clientSeq: 2, move: { kind: "pass" } });
    await vi.waitFor(() => expect(t.benClient.seen.acks.map((a) => a.clientSeq)).toEqual([1, 2]));
    await sleep(reconnectSeconds * 500);
    const held = await t.dashboardSeat(anaSeat);
    expect(held.controller).toEqual({ type: "human", name: "Ana" });
    expect(held.connected).toBe(false);
    expect(shown()).toMatchObject({ connected: false, controller: { type: "human", name: "Ana" } });
    expect(onlineAtBen()).toBe(false);
    const whileAway = await t.log();
    expect(
      whileAway.events.some((e) => e.event.move.kind === "setController" && e.event.move.controller.type === "bot"),
    ).toBe(false);

    const viewsBefore = t.anaClient.seen.views.length;
    proxy.up();
    await back;
    await vi.waitFor(() => expect(t.anaClient.seen.views.length).toBeGreaterThan(viewsBefore));
    const view = lastView(t.anaClient.seen);
    expect(view.me?.seat).toBe(anaSeat);
    expect(view.seq).toBe(whileAway.events.length);
    expect(view.log.some((l) => l.text.includes("Ben, while Ana is away"))).toBe(true);
    expect(view.parties.find((p) => p.id === t.ben.participant.seat)?.acted).toBe(true);
    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).connected).toBe(true));
    await vi.waitFor(() => expect(shown()?.connected).toBe(true));
    expect(shown()?.botCoversAt).toBeNull();
    expect((await t.dashboardSeat(anaSeat)).botCoversAt).toBeNull();
    await vi.waitFor(() => expect(onlineAtBen()).toBe(true));
    await dashboard.leave();

    // Ana plays on in the same connection: her move closes the round.
    t.anaClient.room.send("move", { clientSeq: 1, move: { kind: "pass" } });
    await vi.waitFor(() => expect(t.anaClient.seen.acks.find((a) => a.clientSeq === 1)).toBeDefined());
    await vi.waitFor(() => expect(lastView(t.anaClient.seen).round).toBe(2));
    await t.anaClient.room.leave();
    await t.benClient.room.leave();
  });

  it("lets a reloaded page take the held seat back with its reconnection token", async () => {
    const t = await tableWithAnaBehindTheProxy();
    const anaSeat = t.ana.participant.seat;
    const token = t.anaClient.room.reconnectionToken;
    t.anaClient.room.reconnection.enabled = false; // the page is gone; a new one reconnects by hand
    const gone = new Promise<number>((resolve) => t.anaClient.room.onLeave((code) => resolve(code)));
    proxy.cut();
    await gone;
    t.benClient.room.send("move", { clientSeq: 1, move: { kind: "chat", text: "Did Ana's page crash?" } });
    await vi.waitFor(() => expect(t.benClient.seen.acks).toHaveLength(1));

    const room = await new Client(proxy.url.replace(/^http/, "ws")).reconnect(token);
    const seen = watch(room);
    await vi.waitFor(() => expect(seen.views.length).toBeGreaterThan(0));
    expect(room.sessionId).toBe(t.anaClient.room.sessionId);
    const view = lastView(seen);
    expect(view.me?.seat).toBe(anaSeat);
    expect(view.log.some((l) => l.text.includes("Did Ana's page crash?"))).toBe(true);
    expect(view.parties.find((p) => p.id === anaSeat)?.controller).toEqual({ type: "human", name: "Ana" });
    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).connected).toBe(true));
    room.send("move", { clientSeq: 7, move: { kind: "pass" } });
    await vi.waitFor(() => expect(seen.acks.find((a) => a.clientSeq === 7)).toBeDefined());
    await room.leave();
    await t.benClient.room.leave();
  });

  it("hands the seat to a bot after the window, and back to the student who returns later", async () => {
    const t = await tableWithAnaBehindTheProxy();
    const anaSeat = t.ana.participant.seat;
    const drop = dropped(t.anaClient.room);
    proxy.down();
    proxy.cut();
    await drop;
    t.anaClient.room.reconnection.enabled = false;
    const cutAt = Date.now();

    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).controller.type).toBe("bot"), {
      timeout: reconnectSeconds * 1000 + 3000,
      interval: 100,
    });
    // Not before the window was over.
    expect(Date.now() - cutAt).toBeGreaterThanOrEqual(reconnectSeconds * 1000 - 100);
    await vi.waitFor(() =>
      expect(t.benClient.seen.notices).toContain(
        `A bot plays ${lastView(t.anaClient.seen).parties.find((p) => p.id === anaSeat)?.name} until Ana returns.`,
      ),
    );

    // The bot plays Ana's seat: Ben's move and the bot's close the round, and the bot moves again.
    t.benClient.room.send("move", { clientSeq: 1, move: { kind: "pass" } });
    await vi.waitFor(async () => {
      const events = (await t.log()).events.map((e) => e.event);
      const takeover = events.findIndex(
        (e) => e.move.kind === "setController" && e.move.seat === anaSeat && e.move.controller.type === "bot",
      );
      expect(takeover).toBeGreaterThanOrEqual(0);
      expect(events.slice(takeover).filter((e) => e.by === anaSeat).length).toBeGreaterThanOrEqual(1);
    });
    const botMoves = (await t.log()).events.filter((e) => e.event.by === anaSeat && "rationale" in e.event);
    expect(botMoves.length).toBeGreaterThan(0);

    // Later, Ana's network is back: a new reservation gives her the seat back from the bot.
    proxy.up();
    const again = await connectStudent(proxy.url, t.ana.participantToken);
    await vi.waitFor(() => expect(again.seen.views.length).toBeGreaterThan(0));
    await vi.waitFor(async () => {
      const seat = await t.dashboardSeat(anaSeat);
      expect(seat.controller).toEqual({ type: "human", name: "Ana" });
      expect(seat.connected).toBe(true);
    });
    await vi.waitFor(() =>
      expect(lastView(again.seen).parties.find((p) => p.id === anaSeat)?.controller).toEqual({
        type: "human",
        name: "Ana",
      }),
    );
    const view = lastView(again.seen);
    expect(view.me?.seat).toBe(anaSeat);
    // She sees what the bot did in her name.
    for (const move of botMoves) expect(view.log.some((l) => l.seq === move.event.seq && l.by === anaSeat)).toBe(true);
    again.room.send("move", { clientSeq: 1, move: { kind: "chat", text: "Ana is back" } });
    await vi.waitFor(() => expect(again.seen.acks.find((a) => a.clientSeq === 1)).toBeDefined());
    await again.room.leave();
    await t.benClient.room.leave();
  });

  it("holds the seat through the window after the instructor gives a student a new link, as for a drop", async () => {
    const t = await tableWithAnaBehindTheProxy();
    const anaSeat = t.ana.participant.seat;
    const renew = async () => {
      const renewed = await http<{ participantToken: string }>(
        server.url,
        "POST",
        `/sessions/${t.sessionId}/participants/${t.ana.participant.id}/token`,
        { token: t.token },
      );
      expect(renewed.status).toBe(200);
      return renewed.body.participantToken;
    };
    const botTookOver = async () =>
      (await t.log()).events.some(
        (e) =>
          e.event.move.kind === "setController" &&
          e.event.move.seat === anaSeat &&
          e.event.move.controller.type === "bot",
      );
    // Ana's page is open; she will open her new link on her phone. Her old page is shut out at once.
    const gone = new Promise<void>((resolve) => t.anaClient.room.onLeave(() => resolve()));
    const fresh = await renew();
    await gone;
    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).connected).toBe(false));
    // Half the window later her seat is still hers: no bot made her round's move meanwhile.
    await sleep(reconnectSeconds * 500);
    expect(await botTookOver()).toBe(false);
    expect((await t.dashboardSeat(anaSeat)).controller).toEqual({ type: "human", name: "Ana" });
    const phone = await connectStudent(server.url, fresh);
    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).connected).toBe(true));
    await vi.waitFor(() => expect(phone.seen.views.length).toBeGreaterThan(0));
    expect(lastView(phone.seen).parties.find((p) => p.id === anaSeat)?.acted).toBe(false);
    expect(phone.seen.notices.some((n) => n.startsWith("Welcome back"))).toBe(false);
    expect(await botTookOver()).toBe(false);

    // A link she never opens: the bot covers her seat, once the window is over.
    const renewedAt = Date.now();
    await renew();
    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).controller.type).toBe("bot"), {
      timeout: reconnectSeconds * 1000 + 3000,
      interval: 100,
    });
    expect(Date.now() - renewedAt).toBeGreaterThanOrEqual(reconnectSeconds * 1000 - 100);
    await t.benClient.room.leave();
  });

  it("takes a close with the server's own shutdown code for a drop: a student cannot keep her seat from the bot by it", async () => {
    const t = await tableWithAnaBehindTheProxy();
    const anaSeat = t.ana.participant.seat;
    t.anaClient.room.reconnection.enabled = false;
    // A script in the console can close the socket with any application code, 4001 included.
    t.anaClient.room.connection.close(4001, "shutting down");
    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).connected).toBe(false));
    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).controller.type).toBe("bot"), {
      timeout: reconnectSeconds * 1000 + 3000,
      interval: 100,
    });
    await t.benClient.room.leave();
  });

  it("finds a connection that went silent without a close by its heartbeat, and a bot covers the seat", async () => {
    const t = await tableWithAnaBehindTheProxy();
    const anaSeat = t.ana.participant.seat;
    let anaNoticed = false;
    t.anaClient.room.onDrop(() => {
      anaNoticed = true;
    });
    proxy.silence();
    const silentAt = Date.now();
    // Ana's chat is lost in the dead network: the server never hears of it.
    t.anaClient.room.send("move", { clientSeq: 1, move: { kind: "chat", text: "Is anyone there?" } });

    // No close and no reset ever reach the server: its pings go unanswered, and after the
    // missed pongs it closes the connection and holds the seat, as for any drop.
    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).connected).toBe(false), {
      timeout: 12_000,
      interval: 200,
    });
    // Colyseus pings every 3 s and gives up after two pings without a pong.
    expect(Date.now() - silentAt).toBeGreaterThanOrEqual(5_000);
    expect(anaNoticed).toBe(false); // the connection is half-open: Ana's end still thinks it is up
    await vi.waitFor(async () => expect((await t.dashboardSeat(anaSeat)).controller.type).toBe("bot"), {
      timeout: reconnectSeconds * 1000 + 3000,
      interval: 100,
    });
    const log = await t.log();
    expect(log.events.some((e) => e.event.move.kind === "chat" && e.event.by === anaSeat)).toBe(false);
    expect(t.anaClient.seen.acks).toEqual([]);

    // The network is back: Ana's next packet meets a reset, her SDK notices, and her page
    // takes the seat back from the bot with a new reservation.
    t.anaClient.room.reconnection.enabled = false;
    const drop = dropped(t.anaClient.room);
    proxy.cut();
    await drop;
    const again = await connectStudent(proxy.url, t.ana.participantToken);
    await vi.waitFor(async () => {
      const seat = await t.dashboardSeat(anaSeat);
      expect(seat.controller).toEqual({ type: "human", name: "Ana" });
      expect(seat.connected).toBe(true);
    });
    again.room.send("move", { clientSeq: 1, move: { kind: "chat", text: "Is anyone there?" } });
    await vi.waitFor(() => expect(again.seen.acks.find((a) => a.clientSeq === 1)).toBeDefined());
    await again.room.leave();
    await t.benClient.room.leave();
  });

  it("stores a move sent just before a cut whole or not at all, and the live game stays equal to its log", async () => {
    const t = await tableWithAnaBehindTheProxy();
    const random = seededRandom(Number(process.env.NETWORK_SEED ?? 7));
    const watcher = await watchTable(server.url, t.sessionId, t.tableId, t.token);
    const outcomes = { ackedAndStored: 0, storedAckLost: 0, notStored: 0 };
    let room = t.anaClient.room;
    let seen: Seen = t.anaClient.seen;
    const trials = 12;
    for (let trial = 0; trial < trials; trial++) {
      // A fresh connection each time (a reload), so the chat limit never gets in the way.
      if (trial > 0) {
        const fresh = await connectStudent(proxy.url, t.ana.participantToken);
        await vi.waitFor(() => expect(fresh.seen.views.length).toBeGreaterThan(0));
        ({ room, seen } = fresh);
        room.reconnection.minUptime = 0;
        room.reconnection.maxDelay = 250;
      }
      const text = `trial ${trial}`;
      const drop = dropped(room);
      const back = reconnected(room);
      // Lost on the way, or cut while the server stores it, or after it has answered.
      proxy.cutAfterNextClientData(random() < 0.25 ? "before" : Math.floor(random() * 12));
      room.send("move", { clientSeq: 1, move: { kind: "chat", text } });
      await drop;
      await back; // automatic reconnection, through the proxy that is still up
      let log = await t.log();
      await vi.waitFor(async () => {
        log = await t.log();
        expect(lastView(seen).seq).toBe(log.events.length);
      });
      const stored = log.events.filter((e) => e.event.move.kind === "chat" && e.event.move.text === text);
      const ack = seen.acks.find((a) => a.clientSeq === 1);
      const inView = lastView(seen).log.some((l) => l.text.includes(text));
      expect(stored.length, text).toBeLessThanOrEqual(1);
      // What the reconnected student sees is what is stored.
      expect(inView, text).toBe(stored.length === 1);
      if (ack) {
        expect(stored[0]?.event.seq, text).toBe(ack.seq);
        outcomes.ackedAndStored++;
      } else if (stored.length === 1) outcomes.storedAckLost++;
      else outcomes.notStored++;
    }

    // The room's game is the log's game, move for move.
    await sleep(100);
    const live = lastView(watcher.seen);
    const log = await t.log();
    expect(log.events.length).toBe(live.seq);
    expect(foldedView(log, live.seq)).toEqual(live);
    console.log(`moves cut in flight over ${trials} trials: ${JSON.stringify(outcomes)}`);
    expect(outcomes.ackedAndStored + outcomes.storedAckLost + outcomes.notStored).toBe(trials);
    await room.leave();
    await watcher.room.leave();
    await t.benClient.room.leave();
  });
});
