/**
 * A legend's names in the text's colour (its marks keep the series' colours): in the page's
 * flow, axe measures the legend's text, and a series' colour (the frontier's grey) is bright
 * enough for a line (3:1) but not for text (4.5:1).
 */
export const inkText = (ink: string) => (value: unknown) => <span style={{ color: ink }}>{String(value)}</span>;
