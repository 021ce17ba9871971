import { getMessageBytes, Protocol } from "@colyseus/core";
import {
  apply,
  applyViewPatch,
  type GameEvent,
  type GameState,
  newViewCache,
  simulateGame,
  type TableView,
  type ViewCache,
  type Viewer,
  type ViewPatch,
  viewFor,
  viewsFor,
} from "@parley/shared";
import fc from "fast-check";
import { unpackMultiple } from "msgpackr";
import { describe, expect, it } from "vitest";
import { type SentView, sendableViews, sentView } from "../../server/src/rooms/viewFrames.ts";
import { octet, pair, shippedScenarios, summit } from "./fixtures.ts";
import { listChooser, playRandomGame } from "./randomPlay.ts";

/**
 * A table sends its clients their views together (`viewsFor`, encoded by `viewFrames`, which
 * share what the views have alike): every client must get exactly the bytes that
 * `client.send("view", viewFor(state, viewer))` would have sent it.
 */
const runs = Number(process.env.PARLEY_PROPERTY_RUNS ?? 8);
const scenarios = [pair, summit, octet, ...shippedScenarios()];

/** What a table keeps between its events (see TableRoom.sendViews). */
interface TableCaches {
  views: ViewCache;
}
const tableCaches = (): TableCaches => ({ views: newViewCache() });

function checkState(state: GameState, caches: TableCaches) {
  const viewers: Viewer[] = [...state.seats, "instructor", "observer", state.seats[0] as Viewer];
  for (const holdResults of [false, true]) {
    const views = viewsFor(state, viewers, { holdResults }, caches.views);
    const frames = sendableViews(views, []);
    viewers.forEach((viewer, i) => {
      const alone = viewFor(state, viewer, { holdResults });
      const expected = getMessageBytes.raw(Protocol.ROOM_DATA, "view", alone);
      expect(Buffer.compare(frames[i] as Buffer, expected), `${viewer} at seq ${state.seq}`).toBe(0);
    });
  }
}

describe.each(scenarios.map((s) => [s.id, s] as const))("views sent together, %s", (_id, scenario) => {
  it("are byte for byte the views sent one by one, after every event of random games", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 200 }),
        (seed, choices) => {
          const played = playRandomGame(scenario, seed, listChooser(choices, seed), { maxEvents: 50 });
          const caches = tableCaches();
          let state = played.initial;
          checkState(state, caches);
          for (const event of played.events) {
            state = apply(state, event);
            checkState(state, caches);
          }
        },
      ),
      { numRuns: runs },
    );
  }, 120_000);

  it("are byte for byte the views sent one by one in a game of bots (their reasons hidden, then revealed)", () => {
    const game = simulateGame({ scenario, seed: 7 });
    const caches = tableCaches();
    let state = game.initial;
    for (const [i, event] of game.events.entries()) {
      state = apply(state, event);
      if (i % 5 === 0) checkState(state, caches);
    }
    expect(state.phase).toBe("ended");
    checkState(state, caches);
  }, 120_000);
});

/** A frame's message type and payload, decoded as a client decodes them. */
function decode(frame: Buffer): { type: string; message: unknown } {
  const [type, message] = unpackMultiple(frame.subarray(1)) as [string, unknown];
  return { type, message };
}

/**
 * After the first whole view, a client receives only what changed (`viewPatch`); applied to
 * the view it has, each patch must give exactly the whole view the server built.
 */
function checkPatches(state: GameState, clients: PatchClients) {
  const viewers: Viewer[] = [...state.seats, "instructor", "observer"];
  const views = viewsFor(state, viewers, { holdResults: clients.held }, clients.caches.views);
  const frames = sendableViews(views, clients.sent);
  viewers.forEach((viewer, i) => {
    const whole = decode(
      sendableViews([viewFor(state, viewer, { holdResults: clients.held })], [])[0] as Buffer,
    ).message;
    const frame = frames[i];
    const had = clients.have[i];
    if (frame) {
      const { type, message } = decode(frame);
      if (had) expect(type).toBe("viewPatch");
      clients.have[i] = type === "view" ? (message as TableView) : applyViewPatch(had, message as ViewPatch);
    }
    expect(clients.have[i], `${viewer} at seq ${state.seq}`).toEqual(whole);
  });
  views.forEach((view, i) => {
    clients.sent[i] = sentView(view, clients.sent[i]);
  });
}

interface PatchClients {
  caches: TableCaches;
  sent: (SentView | undefined)[];
  have: (TableView | undefined)[];
  held: boolean;
}

describe.each(scenarios.map((s) => [s.id, s] as const))("views sent as patches, %s", (_id, scenario) => {
  it("give the client exactly the whole view after every event of random and bot games", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 200 }),
        fc.boolean(),
        (seed, choices, held) => {
          const played = playRandomGame(scenario, seed, listChooser(choices, seed), { maxEvents: 50 });
          const clients: PatchClients = { caches: tableCaches(), sent: [], have: [], held };
          let state = played.initial;
          checkPatches(state, clients);
          for (const event of played.events) {
            state = apply(state, event);
            checkPatches(state, clients);
          }
          // The results open: the held views change in place, without an event.
          if (held && state.phase === "ended") {
            clients.held = false;
            checkPatches(state, clients);
          }
        },
      ),
      { numRuns: runs },
    );
    const game = simulateGame({ scenario, seed: 3 });
    const clients: PatchClients = { caches: tableCaches(), sent: [], have: [], held: false };
    let state = game.initial;
    for (const event of game.events) {
      state = apply(state, event);
      checkPatches(state, clients);
    }
  }, 120_000);
});

describe("patches carry only what changed", () => {
  it("after a chat line: the seq and the new line, nothing else", () => {
    const game = simulateGame({ scenario: summit, seed: 5 });
    let state = game.initial;
    for (const event of game.events.slice(0, 6)) state = apply(state, event);
    const viewers: Viewer[] = [...state.seats];
    const caches = tableCaches();
    const first = viewsFor(state, viewers, {}, caches.views);
    sendableViews(first, []);
    const sent = first.map((view) => sentView(view));
    const by = state.seats[0] as string;
    const chat = { seq: state.seq, by, move: { kind: "chat", text: "Shall we talk about water?" } } as GameEvent;
    state = apply(state, chat);
    const frames = sendableViews(viewsFor(state, viewers, {}, caches.views), sent);
    for (const [i, frame] of frames.entries()) {
      const { type, message } = decode(frame as Buffer);
      const logLength = (sent[i] as SentView).logLength;
      expect(type).toBe("viewPatch");
      expect(message).toEqual({
        seq: state.seq,
        $items: { log: { length: logLength + 1, at: [logLength], items: [state.log[state.log.length - 1]] } },
        $base: state.seq - 1,
      });
    }
  });

  it("after an answer to one proposal among several: that proposal, not the list", () => {
    // Bot games of the council until a few answers to one proposal among three or more were checked.
    let checked = 0;
    for (let seed = 1; seed <= 40 && checked < 3; seed++) checked += checkAnswersAmongSeveral(seed);
    expect(checked).toBeGreaterThan(0);
  });
});

/**
 * Plays a bot game of the summit, checking the frames after every answer to one proposal
 * among three or more that leaves the game on: the answered proposal is sent, not the whole
 * list. Returns how many.
 */
function checkAnswersAmongSeveral(seed: number): number {
  const game = simulateGame({ scenario: summit, seed });
  const viewers: Viewer[] = [...game.initial.seats];
  const caches = tableCaches();
  let state = game.initial;
  const first = viewsFor(state, viewers, {}, caches.views);
  sendableViews(first, []);
  const sent = first.map((view) => sentView(view));
  let checked = 0;
  for (const event of game.events) {
    const before = state;
    state = apply(state, event);
    const views = viewsFor(state, viewers, {}, caches.views);
    const frames = sendableViews(views, sent);
    const answered = "move" in event && (event.move.kind === "accept" || event.move.kind === "reject");
    // (An answer that ends the game closes every open proposal: a list of changes, rightly.)
    const onlyItsProposal = state.phase === "playing" && state.proposals.length === before.proposals.length;
    if (answered && before.proposals.length >= 3 && onlyItsProposal) {
      for (const frame of frames) {
        if (!frame) continue;
        const patch = decode(frame).message as ViewPatch;
        expect(patch.proposals, "the whole list is not resent").toBeUndefined();
        const change = patch.$items?.proposals;
        if (change) expect(change.at.length).toBeLessThan(change.length);
      }
      checked++;
    }
    views.forEach((view, k) => {
      sent[k] = sentView(view, sent[k]);
    });
  }
  return checked;
}
