/** A refusal a user caused, with the HTTP status and a message written for them. */
export interface Problem {
  status: number;
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = <T = never>(status: number, code: string, message: string): Result<T> => ({
  ok: false,
  problem: { status, code, message },
});
