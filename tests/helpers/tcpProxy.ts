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
  /**
   * The network goes silent under every open connection: nothing passes either way and
   * neither end is told, not even when the other closes (half-open connections, as a dead
   * access point leaves them). A `cut` resets what is left, as the client's next packet
   * would be answered once the network is back.
   */
  silence(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  const silent = new WeakSet<[Socket, Socket]>();
  let accepting = true;
  let armed: number | "before" | undefined;

  const cut = () => {
    for (const pair of pairs) for (const socket of pair) if (!socket.destroyed) socket.resetAndDestroy();
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
      if (silent.has(pair)) return upstream.destroy(); // the client is not told
      if (!pairs.delete(pair)) return;
      client.destroy();
      upstream.destroy();
    };
    client.on("data", (chunk) => {
      if (silent.has(pair)) return;
      const delay = armed;
      armed = undefined;
      if (delay === "before") return cut();
      upstream.write(chunk);
      if (delay !== undefined) setTimeout(cut, delay);
    });
    upstream.on("data", (chunk) => {
      if (!silent.has(pair)) client.write(chunk);
    });
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
    silence: () => {
      for (const pair of pairs) silent.add(pair);
    },
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
