import { type Scenario, type SeatId, stateSeats } from "@parley/shared";
import { type Check, meanCheck, num, proportionCheck, type Sizes } from "./checks.ts";
import {
  agreed,
  armOf,
  cell,
  type Played,
  play,
  type RoundRobin,
  seedsFor,
  statePersonas,
  uniform,
} from "./experiments.ts";

/**
 * Lesson 1's first half: a hardliner (at each state's seat in turn) among cooperative
 * states, against a table of cooperative states only. The share claim is tested against
 * the conceder, the counterpart that cooperates unconditionally; an integrator guards
 * itself against exploitation (as it must), so the share it concedes is reported, not
 * required.
 */
export function lessonOneCosts(scenario: Scenario, sizes: Sizes): Check[] {
  const id = scenario.id;
  const states = stateSeats(scenario);
  const seeds = seedsFor(sizes.seed, `${id}/competitive`, Math.max(8, Math.round(sizes.arm / states.length)));
  const checks: Check[] = [];
  for (const cooperative of ["conceder", "integrator"]) {
    const hc = states.flatMap((seat) =>
      play(
        scenario,
        armOf(
          scenario,
          `hardliner at ${seat}`,
          Object.fromEntries(states.map((s) => [s, s === seat ? "hardliner" : cooperative])),
        ),
        seeds,
      ).map((p) => ({ p, seat })),
    );
    // Cooperative states only, as many games as the hardliner's arms together; each game is
    // read from one seat, the seats in turn, so that every value is an independent game.
    const together = play(
      scenario,
      armOf(scenario, "all cooperative", uniform(scenario, cooperative)),
      seedsFor(sizes.seed, `${id}/cooperative`, seeds.length * states.length),
    );
    const cc = together.map((p, i) => ({ p, seat: states[i % states.length] as SeatId }));
    const seatOf = (r: { p: Played; seat: SeatId }) => r.p.result.seats.find((x) => x.seat === r.seat);
    const share = (r: { p: Played; seat: SeatId }) => {
      const mine = seatOf(r)?.normalised ?? 0;
      const others = r.p.result.seats.filter((x) => x.seat !== r.seat);
      return mine - others.reduce((sum, x) => sum + (x.normalised ?? 0), 0) / Math.max(1, others.length);
    };
    const a = `a hardliner among ${cooperative}s`;
    const b = `${cooperative}s only`;
    const base = { lesson: 1, scenarioId: id, expect: "effect" as const };
    const shareCheck = meanCheck(
      {
        ...base,
        claim: `Among ${cooperative}s, a hardliner claims a larger share (its score minus theirs)`,
        alternative: "greater",
      },
      { label: a, values: hc.map(share) },
      { label: `the same seat, ${b}`, values: cc.map(share) },
    );
    checks.push(
      cooperative === "conceder"
        ? shareCheck
        : { ...shareCheck, claim: `(reported, not required) ${shareCheck.claim}` },
      meanCheck(
        { ...base, claim: `...but ends with lower trust (among ${cooperative}s)`, alternative: "less" },
        { label: a, values: hc.map((r) => seatOf(r)?.trust ?? 0) },
        { label: `the same seat, ${b}`, values: cc.map((r) => seatOf(r)?.trust ?? 0) },
      ),
      meanCheck(
        { ...base, claim: `...higher tension (among ${cooperative}s)`, alternative: "greater" },
        { label: a, values: hc.map((r) => r.p.result.tension) },
        { label: b, values: together.map((p) => p.result.tension) },
      ),
      meanCheck(
        { ...base, claim: `...and lower joint value (efficiency, among ${cooperative}s)`, alternative: "less" },
        { label: a, values: num(hc.map((r) => r.p.result.efficiency)) },
        { label: b, values: num(together.map((p) => p.result.efficiency)) },
      ),
    );
  }
  return checks;
}

export function lessonOne(robin: RoundRobin): Check[] {
  const { scenario } = robin;
  const id = scenario.id;
  const checks: Check[] = [];
  // Hardliners facing hardliners agree least often: less often than the tables without a
  // hardliner taken together, and no table agrees significantly less often than they do.
  const hh = cell(robin, "hardliner", "hardliner");
  const withoutHardliner = statePersonas
    .filter((p) => p !== "hardliner")
    .flatMap((focal) => statePersonas.filter((p) => p !== "hardliner").map((others) => cell(robin, focal, others)))
    .flat();
  const hhArm = { label: "hardliners only", games: hh, count: agreed(hh) };
  checks.push(
    proportionCheck(
      {
        lesson: 1,
        scenarioId: id,
        claim: "Hardliners facing hardliners agree less often than tables without a hardliner",
        alternative: "less",
        expect: "effect",
      },
      hhArm,
      { label: "tables without a hardliner", games: withoutHardliner, count: agreed(withoutHardliner) },
    ),
  );
  for (const focal of statePersonas) {
    for (const others of statePersonas) {
      if (focal === "hardliner" && others === "hardliner") continue;
      const games = cell(robin, focal, others);
      checks.push(
        proportionCheck(
          {
            lesson: 1,
            scenarioId: id,
            claim: `No table agrees less often than hardliners only (${focal} vs ${others})`,
            alternative: "less",
            expect: "noEffect",
          },
          { label: `${focal} vs ${others}`, games, count: agreed(games) },
          hhArm,
        ),
      );
    }
  }
  return checks;
}
