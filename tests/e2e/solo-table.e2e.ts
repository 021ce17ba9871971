import { expect, type Locator, type Page, test } from "@playwright/test";
import { passIfAble } from "./moves.ts";

/** The package that trades the U.S.'s priorities (purchases, minerals) for China's (tariffs, chips). */
const logroll: Record<string, string> = {
  Tariffs: "Lift the 2018–19 tariffs only",
  "Purchase commitments": "Large purchases",
  "Semiconductor export controls": "Licensing window for most chips",
  "Critical minerals": "Full resumption",
  "Intellectual property": "Written commitments",
  "Consultation mechanism": "Standing working group",
};

/**
 * Chooses an option of a mediator's proposal by its label: the option's text goes on with the
 * points the parties told the mediator, once they have.
 */
async function chooseOption(issue: Locator, label: string) {
  await issue.getByRole("radio", { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }).check();
}

async function buildLogroll(page: Page) {
  for (const [issue, option] of Object.entries(logroll)) {
    await page.getByRole("group", { name: issue }).getByRole("radio", { name: option }).check();
  }
}

test("a person plays the U.S.–China table against the bot to an agreement and sees both scores", async ({ page }) => {
  await page.goto("/solo");
  await page.getByLabel("Scenario").selectOption("us-china-tariffs");
  await page.getByRole("radio", { name: /United States/ }).check();
  // A surprise persona is drawn at random, and a hardliner may hold out past the test's patience:
  // this test is about playing to an agreement, so it chooses the bot that seeks one.
  await page.getByLabel("Bot playing China").selectOption("conceder");
  await page.getByLabel("Your name").fill("Ada");
  await page.getByRole("button", { name: "Start the negotiation" }).click();

  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
  await expect(page.getByText("Your farm and manufacturing lobbies")).toBeVisible();
  // China's confidential brief is not on the page.
  await expect(page.getByText("Relief from tariffs and from the semiconductor controls")).toHaveCount(0);

  await buildLogroll(page);
  await expect(page.getByTestId("package-points")).toHaveText("70");

  const agreement = page.getByRole("heading", { name: "Agreement reached" });
  const noAgreement = page.getByRole("heading", { name: "No agreement" });
  for (let step = 0; step < 60 && !(await agreement.isVisible()); step++) {
    expect(await noAgreement.isVisible(), "the game ended without an agreement").toBe(false);
    const accept = page.getByRole("button", { name: /^Accept proposal/ }).first();
    if (await accept.isVisible()) {
      // The table moves on while we look, so act on one proposal by its id, briefly.
      try {
        const id = ((await accept.textContent({ timeout: 1000 })) ?? "").replace("Accept proposal ", "").trim();
        const card = page.locator(".proposal.open").filter({ hasText: `Accept proposal ${id}` });
        const worth = Number(await card.getByTestId("proposal-points").textContent({ timeout: 1000 }));
        const answer = worth >= 55 ? `Accept proposal ${id}` : `Reject proposal ${id}`;
        await card.getByRole("button", { name: answer, exact: true }).click({ timeout: 1000 });
      } catch {
        // The proposal was answered or expired meanwhile: look again.
      }
      continue;
    }
    const propose = page.getByRole("button", { name: "Propose this package" });
    // The button goes when the game ends (the bot may accept at any moment): never wait for it.
    if (await propose.isEnabled({ timeout: 1000 }).catch(() => false)) {
      await buildLogroll(page);
      await propose.click();
    }
    await page.waitForTimeout(250);
  }
  await expect(agreement).toBeVisible();

  // Both scores are shown; the United States scored the points of the agreed package.
  const usa = page.getByTestId("score-usa");
  const china = page.getByTestId("score-china");
  await expect(usa).toBeVisible();
  await expect(china).toBeVisible();
  const usaPoints = Number(await usa.locator("td").nth(1).textContent());
  expect(usaPoints).toBeGreaterThanOrEqual(55);
  expect(Number(await china.locator("td").nth(1).textContent())).toBeGreaterThan(0);
  // The chat says it is closed, rather than keeping a composer that can send nothing.
  const chat = page.getByRole("region", { name: "Chat" });
  await expect(chat.getByText("The negotiation is over: the chat is closed.")).toBeVisible();
  await expect(chat.getByRole("button", { name: "Send" })).toHaveCount(0);
});

test("the mediator at Camp David offers its good offices, is invited by the parties and puts its own proposal", async ({
  page,
}) => {
  await page.goto("/solo");
  await page.getByLabel("Scenario").selectOption("camp-david-1978");
  const mediatorSeat = page.locator("label.seat-choice").filter({ hasText: "United States (mediator)" });
  // Its name says its role already: not "United States (mediator) (mediator)".
  await expect(mediatorSeat).not.toContainText("(mediator) (mediator)");
  await mediatorSeat.getByRole("radio").check();
  // The default persona for a state (tit-for-tat) accepts mediation but does not ask for it.
  await page.getByLabel("Bot playing Egypt").selectOption("simple");
  await page.getByLabel("Bot playing Israel").selectOption("simple");
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();

  // A third party has no payoff table: a proposal is not "worth 0 points (your BATNA: 0)" to it.
  const firstProposal = page.locator(".proposal.open").first();
  await expect(firstProposal.getByTestId("proposal-aims")).toHaveText(
    "Agreed, it would give you +50 points for an agreement (you score by your aims, not by the package)",
  );
  await expect(page.getByTestId("proposal-points")).toHaveCount(0);
  await expect(page.getByText("(your BATNA: 0)")).toHaveCount(0);

  // It has no BATNA to walk away to, and walking away does not ask it to take one.
  const walkAway = page.getByTestId("move-walkAway");
  await expect(walkAway).toContainText("a third party still scores by its aims");
  await expect(walkAway).not.toContainText("BATNA");
  await walkAway.locator("button.move-toggle").click();
  await walkAway.locator("button[type=submit]").click();
  await expect(walkAway.getByRole("alert")).toContainText("You leave the table and still score by your aims.");
  await expect(walkAway).not.toContainText("BATNA");
  await walkAway.getByRole("button", { name: "Cancel" }).click();
  await walkAway.locator("button.move-toggle").click();

  // Before anyone invites it, the mediator's own moves say what it can do about that.
  const proposalMove = page.getByTestId("move-mediatorProposal");
  await expect(proposalMove).toContainText("Offer your good offices");

  // It offers its good offices; a party that accepts mediation invites it, and the other consents.
  await page.getByPlaceholder("Write a message").fill("The United States offers its good offices to both delegations.");
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByTestId("move-pass").locator("button.move-toggle").click();
  await page.getByTestId("move-pass").locator("button[type=submit]").click();
  const log = page.locator(".panel.log");
  await expect(log).toContainText("invites United States (mediator) to mediate");
  await expect(log).toContainText("Every party has consented: United States (mediator) now mediates.");

  // Now it can put a package to both parties.
  await proposalMove.locator("button.move-toggle").click();
  // Its package has the palette's whole width, and every option reads in full: in a narrow
  // column, closed choice boxes had cut them ("Israel continues to h").
  const grid = await page.locator(".approach-grid").boundingBox();
  const card = await page.locator(".move-group").filter({ has: proposalMove }).boundingBox();
  expect(card?.width).toBeCloseTo(grid?.width ?? 0, 0);
  const sinai = proposalMove.getByRole("group", { name: "The Sinai" });
  await expect(sinai.getByRole("radio")).toHaveCount(4);
  await expect(sinai).toContainText("Israel continues to hold the Sinai (occupied since 1967)");
  for (const label of await proposalMove.locator(".option-label").all()) {
    expect(await label.evaluate((l) => l.scrollWidth <= l.clientWidth)).toBe(true);
  }
  await proposalMove.getByRole("checkbox", { name: "Egypt" }).check();
  await proposalMove.getByRole("checkbox", { name: "Israel" }).check();
  await chooseOption(sinai, "All of the Sinai returns in phases");
  await chooseOption(
    proposalMove.getByRole("group", { name: "Security arrangements" }),
    "Demilitarised zones with international monitors",
  );
  await proposalMove.locator("button[type=submit]").click();
  await expect(log).toContainText("United States (mediator) puts a mediator's proposal to Egypt and Israel");
});

test("the mediator at Russia–Ukraine builds its proposal beside the points the parties told it, reads what its move changed, and hears why a party will not take it", async ({
  page,
}) => {
  await page.goto("/solo");
  await page.getByLabel("Scenario").selectOption("russia-ukraine-mediation");
  await page.locator("label.seat-choice").filter({ hasText: "India (mediator)" }).getByRole("radio").check();
  // A surprise party is one that can accept a mediator (a hardliner's refusal left the seat idle all game).
  await expect(page.getByLabel("Bot playing Russia").locator("xpath=..")).toContainText(
    "A persona picked at random among those that can accept a mediator",
  );
  for (const party of ["Russia", "Ukraine", "United States"]) {
    await page.getByLabel(`Bot playing ${party}`).selectOption("simple");
  }
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
  const log = page.locator(".panel.log");

  // Its good offices, then the parties' consent; once mediating, the parties confide their interests.
  await page.getByPlaceholder("Write a message").fill("India offers its good offices to all three delegations.");
  await page.getByRole("button", { name: "Send" }).click();
  // A pass changes no indicator, and the mediator reads so (or, when the bots had all moved,
  // that its pass closed the round).
  await passIfAble(page);
  await expect(page.getByTestId("move-effects")).toContainText(
    /Your last move \(round 1\): (Passing changed no indicator\.|Your move closed round 1)/,
  );
  await expect(log).toContainText("now mediates", { timeout: 30_000 });
  const shared = log.getByText(/shares its interests on .* with India \(mediator\)/).first();
  for (let step = 0; step < 40 && !(await shared.isVisible()); step++) {
    await passIfAble(page).catch(() => undefined);
    await page.waitForTimeout(250);
  }
  await expect(shared).toBeVisible();

  // Beside each option, the points the parties told it; below, what the package gives each.
  const proposalMove = page.getByTestId("move-mediatorProposal");
  await proposalMove.locator("button.move-toggle").click();
  const totals = proposalMove.getByTestId("told-totals");
  await expect(totals).toContainText(/(Russia|Ukraine|United States): \d+ of the \d+ it could get on/);
  await expect(proposalMove.locator(".told").first()).toContainText(/^ · told you: (Russia|Ukraine|United States) \d+/);
  const territory = proposalMove.getByRole("group", { name: "Territory" });
  await expect(territory.locator(".option-label").first()).toHaveText(
    /^Ukraine's full sovereignty restored .*told you: .+ \d+/,
  );
  const before = await totals.textContent();
  await chooseOption(territory, "Territorial concessions to Russia");
  await expect(totals).not.toHaveText(before ?? "");

  for (const party of ["Russia", "Ukraine", "United States"]) {
    await proposalMove.getByRole("checkbox", { name: party }).check();
  }
  await proposalMove.locator("button[type=submit]").click();
  await expect(log).toContainText("India (mediator) puts a mediator's proposal");
  // What its own move changed (or that it changed nothing), where it makes its moves.
  await expect(page.getByTestId("move-effects")).toContainText(
    /Your last move \(round \d\): (What your mediator's proposal changed|Your mediator's proposal changed no|Your move)/,
  );

  // A party that will not take the package says so, to the mediator alone, and why, in words.
  const answer = log.getByText(/\(to India \(mediator\) only\): “We cannot accept your proposal/).first();
  for (let step = 0; step < 40 && !(await answer.isVisible()); step++) {
    await passIfAble(page).catch(() => undefined);
    await page.waitForTimeout(250);
  }
  await expect(answer).toBeVisible();
  await expect(answer).toContainText(/in place of/);
  // No points, no alternative to a deal: those stay the party's own.
  expect((await answer.textContent())?.replace(/^.*?only\): /, "")).not.toMatch(/\d|BATNA|points/);
});

test("after a binding ruling, the package builder keeps the forum's option and says why", async ({ page }) => {
  await page.goto("/solo");
  await page.getByLabel("Scenario").selectOption("indus-waters");
  await page.getByRole("radio", { name: /^Pakistan/ }).check();
  // A hardliner makes no deal early, so the case runs to its ruling.
  await page.getByLabel("Bot playing India").selectOption("hardliner");
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();

  const claim = page.getByTestId("move-fileClaim");
  await claim.locator("button.move-toggle").click();
  await claim.getByLabel("Issue").selectOption({ label: "Kishenganga operation" });
  await claim.locator("button[type=submit]").click();
  const log = page.locator(".panel.log");
  await expect(log).toContainText("it will rule at the end of round 4");

  // Pass until the court has ruled (answering nothing: the hardliner's offers stay open).
  const ruling = log.getByText(/The Court of arbitration rules on Kishenganga operation in favour of/);
  for (let step = 0; step < 60 && !(await ruling.isVisible()); step++) {
    try {
      await passIfAble(page);
    } catch {
      // The table moved on while we looked: look again.
    }
    await page.waitForTimeout(150);
  }
  const ruled = (await ruling.textContent()) ?? "";
  const option = /'(.+)'/.exec(ruled)?.[1] ?? "";
  expect(["Operates as built", "Strict limits on diversion and storage"]).toContain(option);

  const issue = page.getByRole("group", { name: "Kishenganga operation" });
  await expect(issue.getByTestId("ruled-kishenganga")).toHaveText(
    `The Court of arbitration has ruled: any package must keep “${option}”.`,
  );
  await expect(issue.getByRole("radio", { name: option })).toBeChecked();
  // The other options cannot be chosen, so no package the rules would refuse can be built.
  for (const other of [
    "A guaranteed minimum flow downstream",
    "Operates as built",
    "Strict limits on diversion and storage",
  ])
    if (other !== option) await expect(issue.getByRole("radio", { name: other })).toBeDisabled();
});
