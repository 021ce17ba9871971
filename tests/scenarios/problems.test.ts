import { checkScenario, formatProblem, lintChecks, type ScenarioProblem } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { edit, fixtureFile, lineOf, validFixture } from "./fixture.ts";

/** The problems of a fixture text, checked as `scenarios/fixture.yaml`. */
function problemsOf(text: string, file = fixtureFile): ScenarioProblem[] {
  return checkScenario(text, file).problems;
}

/** Finds the problem at `field` and checks that its printed form names file, line and field. */
function expectProblem(
  text: string,
  expected: { field: string; marker: string; message: string | RegExp; check?: string; file?: string },
): ScenarioProblem {
  const file = expected.file ?? fixtureFile;
  const problems = problemsOf(text, file);
  const found = problems.find(
    (p) => p.field === expected.field && (expected.check === undefined || p.check === expected.check),
  );
  expect(found, `no problem at ${expected.field} among:\n${problems.map(formatProblem).join("\n")}`).toBeDefined();
  const problem = found as ScenarioProblem;
  const line = lineOf(text, expected.marker);
  expect(problem.line).toBe(line);
  const printed = formatProblem(problem);
  expect(printed.startsWith(`${file}:${line}: ${expected.field}: `)).toBe(true);
  expect(printed).toMatch(expected.message);
  return problem;
}

describe("the valid fixture", () => {
  it("passes every check without a warning", () => {
    const result = checkScenario(validFixture, fixtureFile);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe("every kind of problem names the file, the line and the field", () => {
  it("a YAML syntax error points at the field being written", () => {
    const text = edit(validFixture, ["    name: Upstream\n", '    name: "Upstream\n']);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.message).toMatch(/^YAML syntax error: Missing closing "quote/);
    expect(problem?.field).toBe("parties[0].name");
    expect(formatProblem(problem as ScenarioProblem)).toMatch(/^scenarios\/fixture\.yaml:\d+: parties\[0\]\.name: /);
  });

  it("a Tab in the indentation is one problem, in plain words, with its echoes counted", () => {
    const text = edit(validFixture, ["    publicBrief: Upstream state.\n", "\tpublicBrief: Upstream state.\n"]);
    const problems = problemsOf(text);
    // The parser reports the Tab and then what it could not read after it; the Tab is the cause.
    expect(problems).toHaveLength(1);
    // The line after "name: Upstream": the party's block, not its name, which ended a line before.
    expect(problems[0]?.field).toBe("parties[0]");
    expect(problems[0]?.line).toBe(lineOf(text, "\tpublicBrief"));
    expect(problems[0]?.message).toMatch(
      /^YAML syntax error: Tabs are not allowed as indentation: indent with spaces, not the Tab key \(and \d+ more syntax errors? after it, most likely caused by this one: fix it and check again\)$/,
    );
  });

  it("a field out of its column says to check the indentation", () => {
    const text = edit(validFixture, ["    name: Downstream\n", "   name: Downstream\n"]);
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem?.message).toMatch(/^YAML syntax error: .*: check the indentation here/);
  });

  it("a line indented further than the field above it is named, with the column to start it in", () => {
    // "batna: 40" then " payoffs:" one space too far right: YAML reads "40 payoffs" as one value.
    const text = edit(validFixture, [
      "    batna: 40\n    payoffs:\n      water: { low: 20",
      "    batna: 40\n     payoffs:\n      water: { low: 20",
    ]);
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `${fixtureFile}:${lineOf(text, "     payoffs:")}: parties[1].batna: YAML syntax error: line ${lineOf(text, "     payoffs:")} ('payoffs:') starts further right than 'batna' on line ${lineOf(text, "     payoffs:") - 1}, so it is read as part of batna's value: fields of one block start in the same column (move this line left, or 'batna' right if it is the one out of place)`,
    ]);
  });

  it("a colon in a text written without quotes says to quote it, with the quoted text", () => {
    const title = edit(validFixture, ["title: Fixture", "title: Rivers: a fixture"]);
    expect(problemsOf(title).map(formatProblem)).toEqual([
      `${fixtureFile}:${lineOf(title, "title: Rivers")}: title: YAML syntax error: the text of 'title' has a colon followed by a space in it, which starts a new field: put the text in quotes (title: "Rivers: a fixture")`,
    ]);
    // Inside { ... } too.
    const label = edit(validFixture, ["{ id: mid, label: Middle }", "{ id: mid, label: Middle: half }"]);
    const [problem, ...rest] = problemsOf(label);
    expect(rest).toEqual([]);
    expect(problem?.field).toBe("issues[0].options[1].label");
    expect(problem?.line).toBe(lineOf(label, "label: Middle: half"));
    expect(problem?.message).toMatch(/put the text in quotes \(label: "Middle: half"\)$/);
  });

  it("an empty list says so in words", () => {
    const text = edit(validFixture, ["issues:\n  - id: water\n", "issues: []\nformerIssues:\n  - id: water\n"]);
    expect(problemsOf(text).map((p) => `${p.field}: ${p.message}`)).toContain("issues: must not be empty");
  });

  it("a key written twice is a YAML error at its second occurrence", () => {
    const text = edit(validFixture, [
      "    batna: 40\n    payoffs:\n      water: { low: 0",
      "    batna: 40\n    batna: 45\n    payoffs:\n      water: { low: 0",
    ]);
    expectProblem(text, { field: "parties[0].batna", marker: "batna: 45", message: /'batna' is written twice/ });
  });

  it("a wrong type says what was expected and what was found", () => {
    const text = edit(validFixture, [
      "    batna: 40\n    payoffs:\n      water: { low: 0",
      '    batna: "forty"\n    payoffs:\n      water: { low: 0',
    ]);
    expectProblem(text, {
      field: "parties[0].batna",
      marker: 'batna: "forty"',
      message: "must be a number (found the text 'forty')",
    });
  });

  it("a missing required field, such as a confidential brief, is named", () => {
    const text = edit(validFixture, ["    confidentialBrief: Fish matter most to you.\n", ""]);
    // The field is absent, so the problem points at its party.
    expectProblem(text, { field: "parties[1].confidentialBrief", marker: "  - id: down", message: "is required" });
  });

  it("a missing required field says what to add and what it is for", () => {
    const text = edit(validFixture, ["    confidentialBrief: Fish matter most to you.\n", ""]);
    expectProblem(text, {
      field: "parties[1].confidentialBrief",
      marker: "  - id: down",
      message:
        "is required: add 'confidentialBrief:' to this block (what only this party's player reads: its real priorities, red lines and room to move)",
    });
  });

  it("a misspelt required field is one problem, the misspelling, not also 'is required'", () => {
    const text = edit(validFixture, ["    statusQuo: few\n", "    statusquo: few\n"]);
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `${fixtureFile}:${lineOf(text, "statusquo: few")}: issues[1].statusquo: unknown field 'statusquo' (did you mean 'statusQuo'?)`,
    ]);
  });

  it("a field with no value says so in words", () => {
    const text = edit(validFixture, [
      "    batna: 40\n    payoffs:\n      water: { low: 0",
      "    batna:\n    payoffs:\n      water: { low: 0",
    ]);
    expectProblem(text, {
      field: "parties[0].batna",
      marker: "    batna:\n",
      message: "must be a number (found no value)",
    });
  });

  it("an empty file, or one of comments only, says what a scenario starts with", () => {
    for (const text of ["", "\n", "# yaml-language-server: $schema=./scenario.schema.json\n"]) {
      expect(problemsOf(text).map(formatProblem)).toEqual([
        `${fixtureFile}:1: the file is empty (or holds only comments): a scenario is a map of fields, each on its own line, starting with 'id:' and 'title:' (copy the example in scenarios/README.md)`,
      ]);
    }
    expect(problemsOf("- id: river\n").map((p) => p.message)).toEqual([
      "the file holds a list, not fields: a scenario is a map of fields, each on its own line, starting with 'id:' and 'title:' (copy the example in scenarios/README.md)",
    ]);
  });

  it("an unknown field suggests the field the author probably meant", () => {
    const text = edit(validFixture, ["confidentialBrief: Water matters", "confidentialBreif: Water matters"]);
    expectProblem(text, {
      field: "parties[0].confidentialBreif",
      marker: "confidentialBreif",
      message: "unknown field 'confidentialBreif' (did you mean 'confidentialBrief'?)",
    });
  });

  it("a field written in the wrong block says which blocks it belongs to", () => {
    // An issue's field indented under its legal block.
    const text = edit(validFixture, [
      "    legal:\n      forum: court\n",
      "    legal:\n      forum: court\n      description: Who owns the water.\n",
    ]);
    expectProblem(text, {
      field: "issues[0].legal.description",
      marker: "      description: Who owns",
      message:
        "unknown field 'description' ('description' is a field of issues[n] or issues[n].options[n] or creativeOptions[n] or measures[n], not of this block: check its indentation)",
    });
    const batna = edit(validFixture, ["  trust: 40\n", "  trust: 40\n  batna: 30\n"]);
    expectProblem(batna, {
      field: "indicators.batna",
      marker: "  batna: 30",
      message:
        "unknown field 'batna' ('batna' is a field of parties[n] or events[n].effects or moveEffects.crisis, not of this block: check its indentation)",
    });
  });

  it("a comma inside a flow map gets a hint to quote the text", () => {
    const text = edit(validFixture, ["{ id: mid, label: Middle }", "{ id: mid, label: Middle, roughly }"]);
    expectProblem(text, {
      field: "issues[0].options[1].roughly",
      marker: "label: Middle, roughly",
      message: /put the text in quotes/,
    });
  });

  it("a value outside its set lists the allowed values", () => {
    const text = edit(validFixture, ["kind: mediator", "kind: broker"]);
    expectProblem(text, {
      field: "parties[2].kind",
      marker: "kind: broker",
      message: "must be one of 'state', 'mediator', 'ngo' (found the text 'broker')",
    });
  });

  it("a number out of range gives the bound", () => {
    const text = edit(validFixture, ["  trust: 40", "  trust: 140"]);
    expectProblem(text, {
      field: "indicators.trust",
      marker: "trust: 140",
      message: "must be at most 100 (found 140)",
    });
  });

  it("a duplicate id is reported at the second one", () => {
    const text = edit(validFixture, ["{ id: mid, label: Middle }", "{ id: low, label: Middle }"]);
    expectProblem(text, {
      field: "issues[0].options[1].id",
      marker: "{ id: low, label: Middle }",
      message: "duplicate id 'low'",
    });
  });

  it("an unknown reference names the id that does not exist", () => {
    const text = edit(validFixture, ["    by: up", "    by: upstream"]);
    // With the ids it could have meant.
    expectProblem(text, {
      field: "measures[0].by",
      marker: "by: upstream",
      message: /unknown state party 'upstream' \(states: up, down\)$/,
    });
  });

  it("an unknown issue in an event is reported", () => {
    const text = edit(validFixture, ["issues: [water]", "issues: [rain]"]);
    expectProblem(text, {
      field: "events[0].issues[0]",
      marker: "issues: [rain]",
      message: /unknown issue 'rain' \(issues: water, fish, data\)$/,
    });
  });

  it("an option that does not exist lists the issue's options", () => {
    const statusQuo = edit(validFixture, ["    statusQuo: few\n", "    statusQuo: none\n"]);
    expectProblem(statusQuo, {
      field: "issues[1].statusQuo",
      marker: "statusQuo: none",
      message: /'none' is not an option of issue 'fish' \(options: few, some, many\)$/,
    });
    const payoff = edit(validFixture, [
      "fish: { few: 0, some: 30, many: 60 }",
      "fish: { few: 0, some: 30, many: 60, lots: 70 }",
    ]);
    expectProblem(payoff, {
      field: "parties[1].payoffs.fish.lots",
      marker: "lots: 70",
      message: /'lots' is not an option of issue 'fish' \(options: few, some, many\)$/,
    });
  });

  it("a missing payoff names the option without one", () => {
    const text = edit(validFixture, ["fish: { few: 0, some: 30, many: 60 }", "fish: { few: 0, some: 30 }"]);
    expectProblem(text, {
      field: "parties[1].payoffs.fish",
      marker: "fish: { few: 0, some: 30 }",
      message: "missing payoff for option 'many'",
    });
  });

  it("the id must be the file name", () => {
    expectProblem(validFixture, {
      file: "scenarios/other.yaml",
      field: "id",
      marker: "id: fixture",
      check: "IdMatchesFileName",
      message: "is 'fixture' but the file is named 'other.yaml'",
    });
  });
});

/** Five more issues of six options each: 18 × 6^5 = 139,968 packages, past the bots' comfortable limit. */
function withManyPackages(text: string): string {
  const extra = ["a", "b", "c", "d", "e"];
  const options = ["o1", "o2", "o3", "o4", "o5", "o6"];
  const table = `{ ${options.map((o, i) => `${o}: ${i}`).join(", ")} }`;
  const issues = extra
    .map(
      (id) =>
        `  - id: extra-${id}\n    name: Extra ${id}\n    statusQuo: o1\n    options:\n${options.map((o) => `      - { id: ${o}, label: Option ${o} }`).join("\n")}\n`,
    )
    .join("");
  const payoffs = extra.map((id) => `      extra-${id}: ${table}\n`).join("");
  return edit(
    text,
    [
      "      data: { none: 0, shared: 20 }\n  - id: down",
      `      data: { none: 0, shared: 20 }\n${payoffs}  - id: down`,
    ],
    [
      "      data: { none: 0, shared: 20 }\n  - id: broker",
      `      data: { none: 0, shared: 20 }\n${payoffs}  - id: broker`,
    ],
    ["creativeOptions:", `${issues}creativeOptions:`],
  );
}

interface LintCase {
  check: string;
  text: string;
  field: string;
  marker: string;
  message: string | RegExp;
}

/** One broken fixture per lint. A test below fails when a lint has no case here. */
const lintCases: LintCase[] = [
  {
    check: "ConfidentialBriefDiffers",
    text: edit(validFixture, ["confidentialBrief: Fish matter most to you.", "confidentialBrief: Downstream state."]),
    field: "parties[1].confidentialBrief",
    marker: "confidentialBrief: Downstream state.",
    message: "repeats the public brief",
  },
  {
    check: "RecommendedSeats",
    text: edit(validFixture, ["seats: 3", "seats: 4"]),
    field: "recommended.seats",
    marker: "seats: 4",
    message: "recommends 4 seats but the scenario has 3 parties",
  },
  {
    check: "ThirdPartyAims",
    text: edit(validFixture, ["    aims: { agreementBonus: 30, tensionWeight: 0.5 }\n", ""]),
    field: "parties[2]",
    marker: "  - id: broker",
    message: "without them it scores 0",
  },
  {
    check: "ThirdPartyPayoffs",
    text: edit(validFixture, [
      "    aims: { agreementBonus: 30",
      "    payoffs: { data: { none: 0, shared: 5 } }\n    aims: { agreementBonus: 30",
    ]),
    field: "parties[2].payoffs",
    marker: "payoffs: { data: { none: 0, shared: 5 } }",
    message: "its payoffs do not score",
  },
  {
    check: "StateAims",
    text: edit(validFixture, [
      "    batna: 40\n    payoffs:\n      water: { low: 0",
      "    aims: { agreementBonus: 5 }\n    batna: 40\n    payoffs:\n      water: { low: 0",
    ]),
    field: "parties[0].aims",
    marker: "aims: { agreementBonus: 5 }",
    message: "aims only count for third parties",
  },
  {
    check: "BatnaBelowBest",
    text: edit(validFixture, [
      "    batna: 40\n    payoffs:\n      water: { low: 0",
      "    batna: 100\n    payoffs:\n      water: { low: 0",
    ]),
    field: "parties[0].batna",
    marker: "batna: 100",
    message: "BATNA 100 is not below this party's best package (100)",
  },
  {
    // Up and Down can both reach 80 at best (high water, many fish, shared data), so 80 each leaves no zone.
    check: "AgreementZone",
    text: edit(
      validFixture,
      ["    batna: 40\n    payoffs:\n      water: { low: 0", "    batna: 80\n    payoffs:\n      water: { low: 0"],
      ["    batna: 40\n    payoffs:\n      water: { low: 20", "    batna: 80\n    payoffs:\n      water: { low: 20"],
    ),
    field: "parties",
    marker: "parties:",
    message: "no package gives every state more than its BATNA",
  },
  {
    // Mirror-image tables: whatever one gains on an issue the other loses, so trading gains nothing.
    check: "IntegrativePotential",
    text: edit(
      validFixture,
      ["water: { low: 20, mid: 10, high: 0 }", "water: { low: 60, mid: 30, high: 0 }"],
      ["fish: { few: 0, some: 30, many: 60 }", "fish: { few: 0, some: 10, many: 20 }"],
    ),
    field: "issues",
    marker: "issues:",
    message: /does not beat the midpoint compromise/,
  },
  {
    check: "LegalPositionsByStates",
    text: edit(
      validFixture,
      ["positions: { up: high, down: low }", "positions: { up: high, down: low, broker: mid }"],
      ["merits: { up: 0.6, down: 0.4 }", "merits: { up: 0.6, down: 0.4, broker: 0.5 }"],
    ),
    field: "issues[0].legal.positions.broker",
    marker: "positions: { up: high, down: low, broker: mid }",
    message: "'broker' is a third party and cannot file a claim",
  },
  {
    check: "LegalMerits",
    text: edit(validFixture, ["merits: { up: 0.6, down: 0.4 }", "merits: { up: 0.6 }"]),
    field: "issues[0].legal.merits",
    marker: "merits: { up: 0.6 }",
    message: "no merits for 'down'",
  },
  {
    check: "LegalDispute",
    text: edit(validFixture, ["positions: { up: high, down: low }", "positions: { up: high, down: high }"]),
    field: "issues[0].legal.positions",
    marker: "positions: { up: high, down: high }",
    message: "needs two parties claiming different options",
  },
  {
    check: "LegalMeritsLean",
    text: edit(validFixture, ["merits: { up: 0.6, down: 0.4 }", "merits: { up: 0.95, down: 0.4 }"]),
    field: "issues[0].legal.merits.up",
    marker: "merits: { up: 0.95, down: 0.4 }",
    message: "a foregone conclusion",
  },
  {
    check: "UnusedForum",
    text: edit(validFixture, [
      "  - { id: court, name: Court }",
      "  - { id: court, name: Court }\n  - { id: panel, name: Panel }",
    ]),
    field: "forums[1]",
    marker: "{ id: panel, name: Panel }",
    message: "no issue names forum 'panel'",
  },
  {
    check: "EventTargets",
    text: edit(validFixture, [
      "effects: { batna: { up: -2, down: -3 } }",
      "effects: { batna: { up: -2, down: -3, broker: -1 } }",
    ]),
    field: "events[0].effects.batna.broker",
    marker: "effects: { batna: { up: -2, down: -3, broker: -1 } }",
    message: "its BATNA does not score",
  },
  {
    check: "CreativeOptionBonus",
    text: edit(validFixture, ["bonus: { up: 5, down: 5 }", "bonus: { up: 5 }"]),
    field: "creativeOptions[0].bonus",
    marker: "bonus: { up: 5 }",
    message: "at least two states",
  },
  {
    check: "MeasureIsLoseLose",
    text: edit(validFixture, ["damage: { up: 2, down: 5 }", "damage: { down: 5 }"]),
    field: "measures[0].damage",
    marker: "damage: { down: 5 }",
    message: "escalation costs 'up' nothing",
  },
  {
    check: "TrustPairs",
    text: edit(validFixture, ["{ between: [up, down], value: 30 }", "{ between: [up, up], value: 30 }"]),
    field: "indicators.trustPairs[0].between",
    marker: "{ between: [up, up], value: 30 }",
    message: "two different parties",
  },
  {
    check: "CrisisAtStart",
    text: edit(validFixture, ["  trust: 40\n", "  trust: 40\n  tension: 90\n"]),
    field: "indicators.tension",
    marker: "tension: 90",
    message: "opens in crisis",
  },
  {
    check: "CrisisAtStart",
    text: edit(
      validFixture,
      ["    round: 2\n", "    round: 1\n"],
      ["effects: { batna: { up: -2, down: -3 } }", "effects: { tension: 50, batna: { up: -2, down: -3 } }"],
    ),
    field: "events[0].effects.tension",
    marker: "effects: { tension: 50",
    message: "fires in round 1 and takes tension to 90",
  },
  {
    check: "OptionLabels",
    text: edit(validFixture, ["{ id: mid, label: Middle }", "{ id: mid, label: low }"]),
    field: "issues[0].options[1].label",
    marker: "{ id: mid, label: low }",
    message: "label 'low' is used twice",
  },
  {
    check: "SourcesListed",
    text: edit(validFixture, ["sources:\n  - { id: notes, title: Class notes }\n", ""]),
    field: "sources",
    // The field is absent, so the problem points at the top of the scenario.
    marker: "id: fixture",
    message: "list the documents",
  },
  {
    check: "BestPackageScale",
    text: edit(validFixture, [
      "      data: { none: 0, shared: 20 }\n  - id: down",
      "      data: { none: 0, shared: 120 }\n  - id: down",
    ]),
    field: "parties[0].payoffs",
    marker: "    payoffs:",
    message: "the best package is worth 200",
  },
  {
    check: "BatnaAboveWorst",
    text: edit(validFixture, [
      "    batna: 40\n    payoffs:\n      water: { low: 0",
      "    batna: 0\n    payoffs:\n      water: { low: 0",
    ]),
    field: "parties[0].batna",
    marker: "batna: 0",
    message: "any agreement beats walking away",
  },
  {
    // BATNAs of 5 (of 100): 16 of the 18 packages give both states more.
    check: "AgreementZoneSize",
    text: edit(
      validFixture,
      ["    batna: 40\n    payoffs:\n      water: { low: 0", "    batna: 5\n    payoffs:\n      water: { low: 0"],
      ["    batna: 40\n    payoffs:\n      water: { low: 20", "    batna: 5\n    payoffs:\n      water: { low: 20"],
    ),
    field: "parties",
    marker: "parties:",
    message: /the agreement zone holds 16 of 18 packages \(88\.9%\): almost any package clears every BATNA/,
  },
  {
    // Water is 120 of Upstream's 160 points at stake (75%) and 120 of Downstream's 200 (60%).
    check: "OneIssueDecides",
    text: edit(
      validFixture,
      ["water: { low: 0, mid: 30, high: 60 }", "water: { low: 0, mid: 60, high: 120 }"],
      ["water: { low: 20, mid: 10, high: 0 }", "water: { low: 120, mid: 60, high: 0 }"],
    ),
    field: "issues[0]",
    marker: "  - id: water",
    message:
      "this issue is more than half of what is at stake for every state (Upstream 75%, Downstream 60%): the other issues cannot make up for it",
  },
  {
    check: "IssueMatters",
    text: edit(
      validFixture,
      ["      data: { none: 0, shared: 20 }\n  - id: down", "      data: { none: 5, shared: 5 }\n  - id: down"],
      ["      data: { none: 0, shared: 20 }\n  - id: broker", "      data: { none: 5, shared: 5 }\n  - id: broker"],
    ),
    field: "issues[2]",
    marker: "  - id: data",
    message: "the issue changes nothing",
  },
  {
    // Fish now matters almost as much to Upstream (50) as to Downstream (60): no clear trade left.
    check: "LogrollingPair",
    text: edit(validFixture, ["fish: { few: 20, some: 10, many: 0 }", "fish: { few: 50, some: 25, many: 0 }"]),
    field: "issues",
    marker: "issues:",
    message: "no logrolling pair",
  },
  {
    check: "CompatibleIssue",
    text: edit(validFixture, [
      "      data: { none: 0, shared: 20 }\n  - id: down",
      "      data: { none: 20, shared: 0 }\n  - id: down",
    ]),
    field: "issues",
    marker: "issues:",
    message: "no compatible issue",
  },
  {
    // Downstream is now indifferent between two options on each issue: no strict opposition left.
    check: "DistributiveIssue",
    text: edit(
      validFixture,
      ["water: { low: 20, mid: 10, high: 0 }", "water: { low: 20, mid: 20, high: 0 }"],
      ["fish: { few: 0, some: 30, many: 60 }", "fish: { few: 0, some: 60, many: 60 }"],
    ),
    field: "issues",
    marker: "issues:",
    message: "no purely distributive issue",
  },
  {
    check: "PackageCount",
    text: withManyPackages(validFixture),
    field: "issues",
    marker: "issues:",
    message: "139968 packages",
  },
];

describe("each lint names its check, the line and the field", () => {
  it("every lint has a case in this test", () => {
    expect(new Set(lintCases.map((c) => c.check))).toEqual(new Set(lintChecks.map((c) => c.name)));
  });

  it("AgreementZoneSize, when the zone is too small to find", () => {
    // 139,968 packages; a BATNA of 100 for both leaves only the trade on water and fish with
    // 21 or more of the 25 points the extra issues give both (the same table for both states).
    const text = edit(
      withManyPackages(validFixture),
      ["    batna: 40\n    payoffs:\n      water: { low: 0", "    batna: 100\n    payoffs:\n      water: { low: 0"],
      ["    batna: 40\n    payoffs:\n      water: { low: 20", "    batna: 100\n    payoffs:\n      water: { low: 20"],
    );
    const problem = problemsOf(text).find((p) => p.check === "AgreementZoneSize");
    expect(problem?.message).toMatch(
      /^the agreement zone holds only \d+ of 139968 packages \(0(\.\d)?%\): students will rarely find a deal; lower some BATNAs$/,
    );
  });

  for (const lintCase of lintCases) {
    it(lintCase.check, () => {
      const problem = expectProblem(lintCase.text, lintCase);
      const severity = lintChecks.find((c) => c.name === lintCase.check)?.severity;
      expect(problem.severity).toBe(severity);
      expect(checkScenario(lintCase.text, fixtureFile).ok).toBe(severity !== "error");
      if (severity === "warning") expect(formatProblem(problem)).toContain(": warning: ");
    });
  }
});
