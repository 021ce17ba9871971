import { describe, expect, it } from "vitest";
import { chartTheme } from "../../client/src/charts/palette.ts";

/** WCAG's contrast ratio of two "#rrggbb" (or "#rgb") colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join("") : hex.slice(1);
    const [r, g, bl] = [0, 2, 4].map((i) => {
      const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const displays = [
  { name: "plain", background: "#ffffff", prefs: { largeText: false, highContrast: false } },
  { name: "high contrast", background: "#0b0b0b", prefs: { largeText: false, highContrast: true } },
];

describe("the charts' theme follows the display choices", () => {
  it("grows the charts' text with the page's large text (16 px to 20 px)", () => {
    const plain = chartTheme({ largeText: false, highContrast: false });
    const large = chartTheme({ largeText: true, highContrast: false });
    expect([plain.fontSize, plain.smallFontSize]).toEqual([12, 11]);
    expect([large.fontSize, large.smallFontSize]).toEqual([15, 14]);
  });

  for (const { name, background, prefs } of displays) {
    it(`draws every mark at least 3:1 against the panel (${name})`, () => {
      const theme = chartTheme(prefs);
      const marks = {
        ...Object.fromEntries(theme.series.map((c, i) => [`series ${i}`, c])),
        ...theme.approach,
        axis: theme.axis,
        ink: theme.ink,
        frontier: theme.frontier,
        batna: theme.batna,
        nash: theme.nash,
        outcome: theme.outcome,
        outcomes: theme.outcomes,
      };
      const weak = Object.entries(marks).filter(([, colour]) => contrast(colour, background) < 3);
      expect(weak).toEqual([]);
    });

    it(`writes a bar's letter and the tooltip readably (${name}: 4.5:1)`, () => {
      const theme = chartTheme(prefs);
      for (const colour of Object.values(theme.approach))
        expect(contrast(theme.onApproach, colour)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(theme.tooltip.color, theme.tooltip.background)).toBeGreaterThanOrEqual(4.5);
      for (const colour of theme.series) expect(contrast(colour, theme.tooltip.background)).toBeGreaterThanOrEqual(3);
    });
  }
});
