import { describe, expect, it } from "vitest";
import { pageTitle } from "../../client/src/pageTitle.ts";

describe("the browser tab's title", () => {
  it("names each page, so a screen reader says where a link led and tabs can be told apart", () => {
    expect(pageTitle("/")).toBe("Parley: negotiation simulator");
    expect(pageTitle("/solo")).toBe("Play solo · Parley");
    expect(pageTitle("/play/abc")).toBe("At the table · Parley");
    expect(pageTitle("/teach")).toBe("Teach a session · Parley");
    expect(pageTitle("/teach/s1")).toBe("Session dashboard · Parley");
    expect(pageTitle("/replay/s1/t1")).toBe("Table replay · Parley");
    expect(pageTitle("/debrief/p1")).toBe("Your debrief · Parley");
    expect(pageTitle("/nowhere")).toBe("Page not found · Parley");
  });
});
