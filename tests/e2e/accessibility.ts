import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** axe-core on the page as it stands: no serious or critical violation (WCAG 2.1 A and AA rules). */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join("; ")}`,
    );
  expect(serious, `accessibility of ${screen}`).toEqual([]);
}

/**
 * The page ends where its visible content ends: nothing invisible (a screen reader's hidden
 * label placed outside its scrolling box) makes it taller, so that a student scrolled down
 * when the game ends does not look at a blank screen.
 */
export async function expectPageEndsWithContent(page: Page, screen: string): Promise<void> {
  const { height, content } = await page.evaluate(() => {
    const clipped = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
        if (getComputedStyle(up).overflowY !== "visible") return true;
      return false;
    };
    let bottom = 0;
    for (const el of document.body.querySelectorAll("*")) {
      if (el.closest(".sr-only") || clipped(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.height > 0 && box.width > 0) bottom = Math.max(bottom, box.bottom + window.scrollY);
    }
    return { height: document.documentElement.scrollHeight, content: bottom };
  });
  expect(height, `the page's height against its content's (${screen})`).toBeLessThanOrEqual(content + 64);
}
