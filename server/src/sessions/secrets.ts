import { createHash, randomBytes } from "node:crypto";

/** Join codes avoid look-alikes (0/O, 1/I/L) so they survive being read aloud or off a slide. */
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function newJoinCode(length = 6): string {
  let code = "";
  for (const byte of randomBytes(length)) code += codeAlphabet[byte % codeAlphabet.length];
  return code;
}

/** A bearer secret (instructor or participant token): 192 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

/** Tokens are random and long, so a plain SHA-256 is enough to store them safely. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
