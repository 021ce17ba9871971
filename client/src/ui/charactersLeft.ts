/**
 * What a field with a length limit says as its text nears the limit, or nothing while far
 * from it. The browser stops typing (and cuts a paste) at the limit without a word: this
 * says so.
 */
export function charactersLeftText(length: number, max: number): string {
  const left = max - length;
  if (left > Math.max(10, Math.floor(max / 5))) return "";
  if (left <= 0) return `That is the limit: ${max} characters.`;
  return `${left} character${left === 1 ? "" : "s"} left.`;
}
