import { Client } from "@colyseus/sdk";

/** The game server is the page's own origin: one port serves the client and the rooms. */
export function gameClient(): Client {
  const protocol = window.location.protocol === "https:" ? "wss" : "ws";
  return new Client(`${protocol}://${window.location.host}`);
}
