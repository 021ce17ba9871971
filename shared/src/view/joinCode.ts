/**
 * What a student may type for a join code: case, spaces and dashes do not matter. The server
 * finds the session by it, and the join page matches the seats a browser holds with it.
 */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}
