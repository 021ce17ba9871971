import { Client, type Room, type SeatReservation } from "@colyseus/sdk";
import {
  apply,
  type GameEvent,
  type GameState,
  initialState,
  type LensOverrides,
  type Move,
  nextRandom,
  type Scenario,
  type SeatId,
  seedToRng,
  type TableView,
  viewFor,
} from "@parley/shared";
import { type Seen, watch } from "./classroom.ts";
import { http } from "./server.ts";

/** A seeded source of numbers in [0, 1), so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let rng = seedToRng(seed);
  return () => {
    const [value, next] = nextRandom(rng);
    rng = next;
    return value;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** The main moves a test student makes, chosen among those `view.moves` says are open now. */
const simpleMainMoves = new Set(["pass", "propose", "confidenceBuilding", "inviteMediator"]);

/** The viewing seat's best package: one it proposes as an anchor that bots will not take. */
function bestPackage(view: TableView): Move {
  const payoffs = view.me?.payoffs ?? {};
  const options: Record<string, string> = {};
  for (const issue of view.scenario.issues) {
    const points = payoffs[issue.id] ?? {};
    const best = issue.options.reduce((a, b) => ((points[b.id] ?? 0) > (points[a.id] ?? 0) ? b : a));
    options[issue.id] = best.id;
  }
  // Proposals go to the states at the table, not to a mediator or an NGO.
  const others = view.parties.filter((p) => p.kind === "state" && p.id !== view.me?.seat).map((p) => p.id);
  return { kind: "propose", to: others, package: { options }, framing: "anchor" };
}

/** A legal main move for the viewing seat, or undefined when it has made its move this round. */
export function mainMove(view: TableView, random: () => number): Move | undefined {
  const seat = view.me?.seat;
  if (!seat || view.phase !== "playing" || view.parties.find((p) => p.id === seat)?.acted) return undefined;
  const open = (view.moves ?? []).filter((m) => m.main && m.available && simpleMainMoves.has(m.kind));
  const kind = open.length > 0 ? pick(random, open).kind : "pass";
  // Moves aimed at another party aim at a state: a mediator or an NGO is not a party to the dispute.
  const others = view.parties.filter((p) => p.kind === "state" && p.id !== seat && !p.walkedAway).map((p) => p.id);
  switch (kind) {
    case "propose":
      return bestPackage(view);
    case "confidenceBuilding":
      return others.length > 0 ? { kind: "confidenceBuilding", with: pick(random, others) } : { kind: "pass" };
    case "inviteMediator":
      return { kind: "inviteMediator" };
    default:
      return { kind: "pass" };
  }
}

/** A free move: turning down a proposal made to the seat, or otherwise a chat line. */
export function freeMove(view: TableView, random: () => number, text: string): Move {
  const seat = view.me?.seat;
  const open = view.proposals.filter(
    (p) => p.status === "open" && p.by !== seat && seat && p.to.includes(seat) && !p.rejectedBy.includes(seat),
  );
  if (open.length > 0 && random() < 0.3) return { kind: "reject", proposalId: pick(random, open).id };
  return { kind: "chat", text };
}

/** A table's raw log as `GET /api/sessions/:id/tables/:tableId/log` returns it. */
export interface RawLog {
  scenario: Scenario;
  tableId: string;
  seed: number;
  seats: SeatId[];
  controllers: GameState["controllers"];
  lenses: LensOverrides | null;
  events: { event: GameEvent; at: string }[];
}

export async function rawLog(baseUrl: string, sessionId: string, tableId: string, token: string): Promise<RawLog> {
  const response = await http<RawLog>(baseUrl, "GET", `/sessions/${sessionId}/tables/${tableId}/log`, { token });
  if (response.status !== 200) throw new Error(`No log for ${tableId}: ${response.text}`);
  return response.body;
}

/** The instructor's view after the first `count` events of the log, folded by the rules alone. */
export function foldedView(log: RawLog, count: number): TableView {
  let state = initialState(log.scenario, log.seed, {
    seats: log.seats,
    controllers: log.controllers,
    lenses: log.lenses ?? undefined,
  });
  for (const { event } of log.events.slice(0, count)) state = apply(state, event);
  return viewFor(state, "instructor");
}

/** The instructor watching one table live, as the dashboard's table view does. */
export async function watchTable(
  baseUrl: string,
  sessionId: string,
  tableId: string,
  token: string,
): Promise<{ room: Room; seen: Seen }> {
  const reservation = await http(baseUrl, "POST", `/sessions/${sessionId}/tables/${tableId}/reservation`, { token });
  if (reservation.status !== 200) throw new Error(`No reservation to watch ${tableId}: ${reservation.text}`);
  const client = new Client(baseUrl.replace(/^http/, "ws"));
  const room = await client.consumeSeatReservation(reservation.body as unknown as SeatReservation);
  return { room, seen: watch(room) };
}
