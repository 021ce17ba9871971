import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, download, post, unreachable } from "../../client/src/net/http.ts";

describe("a request the network never answered", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("says the server could not be reached, where the browser said 'Failed to fetch'", async () => {
    // What fetch does with the device offline.
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    for (const request of [
      post("/join", { code: "ABC123", name: "Dara" }),
      api("/sessions/s1", { token: "t" }),
      download("/sessions/s1/export.csv", "t", "results.csv"),
    ]) {
      const error = await request.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ message: unreachable, status: 0, code: "Unreachable" });
    }
  });

  it("keeps the server's own refusal as it was", async () => {
    vi.stubGlobal("fetch", async () =>
      Response.json({ error: "Every seat of this session is taken.", code: "SessionFull" }, { status: 409 }),
    );
    await expect(post("/join", { code: "ABC123", name: "Kim" })).rejects.toMatchObject({
      message: "Every seat of this session is taken.",
      status: 409,
      code: "SessionFull",
    });
  });
});
