import {
  apply,
  botParameters,
  botPersonas,
  type Controller,
  defaultPersonaFor,
  fittingPersona,
  foldStored,
  type GameEvent,
  type GameState,
  type LensOverrides,
  personaHasWorkIn,
  personaIds,
  replayNotice,
  type Scenario,
  type SeatId,
  type SeatKind,
  textLimits,
  validateSystem,
} from "@parley/shared";
import { z } from "zod";
import type { ServerContext } from "../context.ts";
import { newId } from "../ids.ts";
import { keepScenarioVersion, scenarioMissing, scenarioOf } from "../scenarios/versions.ts";
import { failure, type Result, success } from "../sessions/problem.ts";
import { hashToken, newToken } from "../sessions/secrets.ts";
import type { SessionService, StudentSessionInfo } from "../sessions/sessionService.ts";
import { roundLengthMs, SessionSettingsSchema } from "../sessions/settings.ts";
import type { TableRecord } from "../store/store.ts";
import { initialStateOf } from "../tables/liveTable.ts";

/**
 * Solo games are private one-table sessions: the player is the session's only participant
 * (nobody can join: the roster is empty) and holds a participant token, so a solo table
 * reconnects after a reload, comes back after a server restart and has a replay, exactly
 * like a class table. Its rounds have no clock worth the name (30 days), so the table
 * waits for the player; bots play the other seats with the personas the player chose.
 */

/** "surprise": the server picks a persona and keeps it secret until the end of the game. */
export const surprise = "surprise";
/** The personas a player may choose for a bot: the default and every persona proper (the shared `personaIds`). */
const choosablePersonas = () => botPersonas.map((p) => p.id);

const PersonaChoice = z
  .string()
  .max(40)
  .refine((id) => id === surprise || choosablePersonas().includes(id), {
    message: `Choose a bot persona (${[surprise, ...choosablePersonas()].join(", ")}).`,
  });

export const SoloBody = z
  .object({
    scenarioId: z.string().min(1).max(64),
    seat: z.string().min(1).max(64),
    name: z.string().trim().max(textLimits.name).optional(),
    /** The persona of each bot seat; seats left out are a surprise. */
    personas: z.record(z.string().max(64), PersonaChoice).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  })
  .strict();

export const BranchBody = z
  .object({
    /** How many events of the table to keep: 0 starts from the opening position. */
    at: z.number().int().min(0),
    /** The seat to play from there (an instructor may pick any; a student plays their own). */
    seat: z.string().min(1).max(64).optional(),
    name: z.string().trim().max(textLimits.name).optional(),
    /** Personas for the other seats; seats left out keep their bot, or get a surprise one. */
    personas: z.record(z.string().max(64), PersonaChoice).optional(),
  })
  .strict();
export type BranchRequest = z.output<typeof BranchBody>;

export interface SoloTable {
  participantToken: string;
  tableId: string;
  participant: { id: string; name: string; tableId: string; table: number; seat: SeatId; party: string };
  session: StudentSessionInfo;
  /** Where the game came from, for a "what if" branch. */
  branchedFrom?: { tableId: string; at: number };
}

const soloRoundHours = 24 * 30;

const kindOf = (scenario: Scenario, seat: SeatId): SeatKind =>
  scenario.parties.find((p) => p.id === seat)?.kind ?? "state";

/**
 * The persona a bot seat gets: the one chosen, else the one it had (a "what if"), else a
 * surprise, among the personas `allowed` (all by default); always one that fits the seat
 * (fittingPersona: the end screen named a "Hardliner" mediator, which played as a mediator
 * all the same).
 */
export function choosePersona(
  choice: string | undefined,
  kind: SeatKind,
  fallback?: string,
  allowed: (id: string) => boolean = () => true,
): string {
  if (choice && choice !== surprise) return fittingPersona(choice, kind);
  if (!choice && fallback) return fittingPersona(fallback, kind);
  if (kind !== "state") return defaultPersonaFor(kind);
  // Among the personas proper: the default only names the seat's usual persona (tit-for-tat,
  // drawn twice as often through it), and the end revealed it as "the Default bot".
  const ids = personaIds.filter((id) => allowed(id));
  return ids[Math.floor(Math.random() * ids.length)] ?? defaultPersonaFor(kind);
}

/** Whether a state played by this persona can consent to mediation (a hardliner refuses every mediator). */
export const consentsToMediation = (id: string): boolean =>
  botParameters(id, "state").row.parameters.mediation !== "refuse";

/**
 * The personas of a new solo game's bots, from the player's choices. When the player holds
 * a mediator's seat, a surprise is never a persona that refuses mediation: mediation needs
 * every party's consent, so one such bot left the player's seat idle the whole game (a
 * Russia–Ukraine mediator drew one in about a third of its games), without the player being
 * able to tell why. A persona the player chose is kept, a hardliner included. Nor is a
 * surprise a persona with nothing to do at the table (surprisesFor).
 */
export function soloPersonas(
  scenario: Scenario,
  playerSeat: SeatId,
  choices: Record<SeatId, string>,
): Record<SeatId, string> {
  const chosen: Record<SeatId, string> = {};
  for (const party of scenario.parties) {
    if (party.id === playerSeat) continue;
    chosen[party.id] = choosePersona(choices[party.id], party.kind, undefined, surprisesFor(scenario, playerSeat));
  }
  return chosen;
}

/**
 * The personas a surprise may be at this table: those with work to do in the scenario
 * (personaHasWorkIn: no Legalist where no issue can go to court), and, when the player
 * mediates, none that refuses mediation.
 */
function surprisesFor(scenario: Scenario, playerSeat: SeatId): (id: string) => boolean {
  const mediating = kindOf(scenario, playerSeat) === "mediator";
  return (id) => personaHasWorkIn(id, scenario) && (!mediating || consentsToMediation(id));
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request is not valid.";
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}

interface NewSoloTable {
  scenario: Scenario;
  /** The scenario's version (see scenarios/versions.ts): a branch plays its source's. */
  scenarioHash: string | null;
  seed: number;
  seats: SeatId[];
  /** The table record's opening controllers (a branch keeps its source's, so the prefix folds the same). */
  controllers: Record<SeatId, Controller>;
  /** A branch keeps its source table's lens weights, so the same outcome scores the same. */
  lenses?: LensOverrides | null;
  /**
   * A branch's source events, stored first, and the state they fold to (folded once, by the
   * branch); then come the system events that seat the player and bots. Null for a new game.
   */
  prefix: { events: GameEvent[]; state: GameState } | null;
  seat: SeatId;
  name: string;
  personas: Record<SeatId, string>;
  title: string;
}

export class SoloTables {
  constructor(
    private readonly ctx: ServerContext,
    private readonly sessions: SessionService,
  ) {}

  /** A new solo game: the player's seat, and bots with the chosen (or surprise) personas elsewhere. */
  async create(body: unknown): Promise<Result<SoloTable>> {
    const parsed = SoloBody.safeParse(body);
    if (!parsed.success) return failure(400, "InvalidSolo", firstIssue(parsed.error));
    const { scenarioId, seat, name, personas = {}, seed } = parsed.data;
    const scenario = this.ctx.catalog.get(scenarioId);
    if (!scenario) return failure(404, "UnknownScenario", `There is no scenario '${scenarioId}'.`);
    // A solo player picks any seat and reads its confidential brief: its author may keep it for classes.
    if (!scenario.solo)
      return failure(403, "ClassOnly", "This scenario is played in class sessions only, not solo against bots.");
    const scenarioHash = (await keepScenarioVersion(this.ctx, scenarioId)) ?? null;
    const seats = scenario.parties.map((p) => p.id);
    if (!seats.includes(seat)) return failure(400, "NotASeat", `'${seat}' is not a seat of this scenario.`);
    const chosen = soloPersonas(scenario, seat, personas);
    const controllers: Record<SeatId, Controller> = {};
    for (const s of seats) {
      controllers[s] =
        s === seat ? { type: "human", name: name || "Player" } : { type: "bot", persona: chosen[s] as string };
    }
    return success(
      await this.open({
        scenario,
        scenarioHash,
        seed: seed ?? Math.floor(Math.random() * 2 ** 31),
        seats,
        controllers,
        prefix: null,
        seat,
        name: name || "Player",
        personas: chosen,
        title: `Solo: ${scenario.title}`,
      }),
    );
  }

  /**
   * "What if": a new solo game that starts from the first `at` events of a table, with the
   * player in `seat` and bots everywhere else. The caller has checked who may branch what.
   */
  async branch(table: TableRecord, request: BranchRequest & { seat: SeatId }): Promise<Result<SoloTable>> {
    const scenario = await scenarioOf(this.ctx, table);
    if (!scenario) return scenarioMissing("table");
    if (!table.seats.includes(request.seat))
      return failure(400, "NotASeat", `'${request.seat}' is not a seat at this table.`);
    const stored = await this.ctx.store.events(table.id);
    if (request.at > stored.length)
      return failure(
        400,
        "BeyondLog",
        `This table has only ${stored.length} events; pick a step up to ${stored.length}.`,
      );
    const prefix = stored.slice(0, request.at).map((s) => s.event);
    const { state, unfoldable } = foldStored(initialStateOf(scenario, table), prefix);
    if (unfoldable)
      return failure(
        409,
        "Unfoldable",
        replayNotice(
          stored.map((s) => s.rulesVersion),
          unfoldable,
        ) ?? "",
      );
    if (state.phase === "ended")
      return failure(409, "GameOverThere", "The game had already ended at that step: pick an earlier one.");
    const personas: Record<SeatId, string> = {};
    for (const s of table.seats) {
      if (s === request.seat) continue;
      const current = state.controllers[s];
      personas[s] = choosePersona(
        request.personas?.[s],
        kindOf(scenario, s),
        current?.type === "bot" ? current.persona : undefined,
        surprisesFor(scenario, request.seat),
      );
    }
    const source = table.number ? `table ${table.number}` : "a game";
    const result = await this.open({
      scenario,
      scenarioHash: table.scenarioHash ?? null,
      seed: table.seed,
      seats: table.seats,
      controllers: table.controllers,
      lenses: table.lenses ?? null,
      prefix: { events: prefix, state },
      seat: request.seat,
      name: request.name || "Player",
      personas,
      title: `What if: ${scenario.title} (from ${source}, step ${request.at})`,
    });
    return success({ ...result, branchedFrom: { tableId: table.id, at: request.at } });
  }

  private async open(spec: NewSoloTable): Promise<SoloTable> {
    const instructorToken = newToken(); // never handed out: a solo game has no instructor
    const settings = SessionSettingsSchema.parse({
      scenarioId: spec.scenario.id,
      title: spec.title.slice(0, textLimits.title),
      timing: { mode: "async", roundHours: soloRoundHours },
      tables: 1,
      botPersonas: Object.values(spec.personas).length > 0 ? Object.values(spec.personas).slice(0, 8) : ["simple"],
      roster: [],
    });
    // A longer code than a class's: nobody is meant to type it, or to join a solo game.
    const session = await this.sessions.insertSession({
      settings,
      status: "running",
      instructorToken,
      joinCodeLength: 8,
      scenarioHash: spec.scenarioHash,
    });

    const record: TableRecord = {
      id: newId(),
      scenarioId: spec.scenario.id,
      seed: spec.seed,
      seats: spec.seats,
      controllers: spec.controllers,
      createdAt: new Date().toISOString(),
      sessionId: session.id,
      number: 1,
      lenses: spec.lenses ?? null,
      scenarioHash: spec.scenarioHash,
    };
    await this.ctx.store.createTable(record);
    // The prefix, then the seats' controllers from here on, all stored before any room opens.
    let state = spec.prefix?.state ?? initialStateOf(spec.scenario, record);
    const seatings: { seat: SeatId; controller: Controller }[] = spec.seats.map((s) => ({
      seat: s,
      controller:
        s === spec.seat ? { type: "human", name: spec.name } : { type: "bot", persona: spec.personas[s] ?? "simple" },
    }));
    const events: GameEvent[] = [...(spec.prefix?.events ?? [])];
    for (const { seat, controller } of seatings) {
      const current = state.controllers[seat];
      if (JSON.stringify(current) === JSON.stringify(controller)) continue;
      const decision = validateSystem(state, { kind: "setController", seat, controller });
      if (!decision.ok) throw new Error(decision.rejection.message);
      events.push(decision.event);
      state = apply(state, decision.event);
    }
    for (const event of events) await this.ctx.store.appendEvent(record.id, event);
    await this.ctx.store.putRuntime({
      tableId: record.id,
      status: "running",
      deadlineAt: new Date(Date.now() + roundLengthMs(settings.timing)).toISOString(),
      remainingMs: null,
    });

    const participantToken = newToken();
    const participantId = newId();
    const name = spec.name;
    await this.ctx.store.createParticipant({
      id: participantId,
      sessionId: session.id,
      name,
      tokenHash: hashToken(participantToken),
      tableId: record.id,
      seat: spec.seat,
      requested: null,
      joinedAt: new Date().toISOString(),
    });
    return {
      participantToken,
      tableId: record.id,
      participant: {
        id: participantId,
        name,
        tableId: record.id,
        table: 1,
        seat: spec.seat,
        party: spec.scenario.parties.find((p) => p.id === spec.seat)?.name ?? spec.seat,
      },
      session: await this.sessions.studentSessionInfo(session),
    };
  }
}
