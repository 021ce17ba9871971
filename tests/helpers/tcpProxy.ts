import { connect, createServer, type Socket } from "node:net";

/**
 * A TCP proxy between test clients and the server, to break the network under them: cut
 * every connection with a reset (no close frame, no FIN, as a lost network would), refuse
 * new ones for a while, or cut shortly after the next bytes a client sends.
 */
export interface TcpProxy {
  url: string;
  /** Resets every open connection, both ways. */
  cut(): void;
  /** Refuses (resets) new connections until `up`. */
  down(): void;
  up(): void;
  /**
   * Cuts every connection `delayMs` after the next chunk a client sends has been passed on;
   * with `"before"`, the chunk is lost in the cut and never reaches the server.
   */
  cutAfterNextClientData(delayMs: number | "before"): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let accepting = true;
  let armed: number | "before" | undefined;

  const cut = () => {
    for (const [client, upstream] of pairs) {
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    }
    pairs.clear();
  };

  const server = createServer((client) => {
    if (!accepting) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(targetPort, "127.0.0.1");
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      if (!pairs.delete(pair)) return;
      client.destroy();
      upstream.destroy();
    };
    client.on("data", (chunk) => {
      const delay = armed;
      armed = undefined;
      if (delay === "before") return cut();
      upstream.write(chunk);
      if (delay !== undefined) setTimeout(cut, delay);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    for (const socket of pair) {
      socket.on("error", end);
      socket.on("close", end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    cut,
    down: () => {
      accepting = false;
    },
    up: () => {
      accepting = true;
    },
    cutAfterNextClientData: (delayMs) => {
      armed = delayMs;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
