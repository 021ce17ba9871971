/**
 * CSV for spreadsheets and gradebooks (RFC 4180). Text cells that a spreadsheet would run
 * as a formula (=, +, -, @) get a leading apostrophe: a student's name is never code. A
 * spreadsheet may also split on semicolons or tabs (the list separator of many locales):
 * a cell holding one is quoted, so it stays one cell there too and its apostrophe still
 * comes first.
 */
export type Cell = string | number | boolean | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
