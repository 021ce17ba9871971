import { WebSocketTransport } from "@colyseus/ws-transport";
import type WebSocket from "ws";

/** Slices of the ping interval over which the connections' pings are spread. */
const PING_SLICES = 20;

type PingedSocket = WebSocket & { pingCount: number; pingSlot?: number };

/**
 * Colyseus's WebSocket transport, but a connection's heartbeat pings are spread over the
 * interval instead of sent to every connection at once: with thousands of students, one
 * burst of pings every 3 s held the event loop for up to 100 ms, and every move made during
 * it waited. Each connection is still pinged once per interval and closed after
 * `pingMaxRetries` pings without a pong, as Colyseus does.
 */
export class SpreadPingTransport extends WebSocketTransport {
  private nextSlot = 0;

  override autoTerminateUnresponsiveClients(pingInterval: number, pingMaxRetries: number) {
    let slice = 0;
    this.pingInterval = setInterval(
      () => {
        for (const client of this.wss.clients as Set<PingedSocket>) {
          client.pingSlot ??= this.nextSlot++ % PING_SLICES;
          if (client.pingSlot !== slice) continue;
          if (client.pingCount >= pingMaxRetries) {
            client.terminate();
            continue;
          }
          client.pingCount++;
          client.ping(undefined, undefined, ignore);
        }
        slice = (slice + 1) % PING_SLICES;
      },
      Math.max(1, Math.floor(pingInterval / PING_SLICES)),
    );
  }
}

/** A ping to a connection that is closing fails; the next round of pings will close it. */
function ignore() {}
