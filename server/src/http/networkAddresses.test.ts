import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { fromThisComputer, networkUrls } from "./networkAddresses.ts";

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: "255.255.255.0",
  family: "IPv4",
  mac: "00:00:00:00:00:00",
  internal,
  cidr: `${address}/24`,
});

describe("the network addresses students can reach", () => {
  it("lists IPv4 addresses other than loopback and link-local, private networks first, once each", () => {
    const urls = networkUrls(2567, {
      lo: [v4("127.0.0.1", true)],
      eth0: [
        v4("203.0.113.7"),
        v4("192.168.1.20"),
        { ...v4("fe80::1"), family: "IPv6", scopeid: 2, cidr: "fe80::1/64" },
      ],
      wlan0: [v4("169.254.3.4"), v4("10.0.0.5"), v4("172.20.0.9"), v4("172.32.0.1")],
      bridge: [v4("192.168.1.20")],
    });
    expect(urls).toEqual([
      "http://192.168.1.20:2567",
      "http://10.0.0.5:2567",
      "http://172.20.0.9:2567",
      "http://203.0.113.7:2567",
      "http://172.32.0.1:2567",
    ]);
  });

  it("is empty on a computer with no network", () => {
    expect(networkUrls(80, { lo: [v4("127.0.0.1", true)] })).toEqual([]);
  });

  it("is told only to a caller on this computer that did not come through a proxy", () => {
    expect(fromThisComputer("127.0.0.1", undefined)).toBe(true);
    expect(fromThisComputer("::1", undefined)).toBe(true);
    expect(fromThisComputer("::ffff:127.0.0.1", undefined)).toBe(true);
    expect(fromThisComputer("::ffff:127.0.0.1", "198.51.100.4")).toBe(false);
    expect(fromThisComputer("192.168.1.30", undefined)).toBe(false);
    expect(fromThisComputer("::ffff:10.0.0.8", undefined)).toBe(false);
    expect(fromThisComputer(undefined, undefined)).toBe(false);
  });
});
