import { type NetworkInterfaceInfo, networkInterfaces } from "node:os";

/** A private (RFC 1918) IPv4 address: a school's or a home's network. */
const isPrivate = (ip: string) =>
  ip.startsWith("10.") || ip.startsWith("192.168.") || /^172\.(1[6-9]|2\d|3[01])\./.test(ip);

/**
 * The addresses at which other devices on this computer's networks can reach a server
 * listening on `port` on every interface: IPv4, not loopback, not link-local (169.254,
 * which no student's device is given), private networks first. An instructor who runs
 * Parley on a laptop and opens it at `localhost` needs one of these for the students.
 */
export function networkUrls(
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  const ips = Object.values(interfaces)
    .flatMap((infos) => infos ?? [])
    .filter((info) => info.family === "IPv4" && !info.internal && !info.address.startsWith("169.254."))
    .map((info) => info.address);
  const unique = [...new Set(ips)];
  return [...unique.filter(isPrivate), ...unique.filter((ip) => !isPrivate(ip))].map((ip) => `http://${ip}:${port}`);
}

/** Whether a server bound to `host` listens on every interface (other devices can reach it). */
export const onEveryInterface = (host: string) => host === "0.0.0.0" || host === "::";

const loopback = (address: string | undefined) =>
  address !== undefined && (address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127."));

/**
 * Whether a request comes from this very computer and not through a proxy on it: only such
 * a caller (the instructor at the laptop that runs Parley) is told the network addresses.
 */
export const fromThisComputer = (remoteAddress: string | undefined, forwardedFor: string | undefined) =>
  loopback(remoteAddress) && forwardedFor === undefined;
