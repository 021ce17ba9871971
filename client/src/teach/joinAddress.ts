import { useEffect, useState } from "react";
import { api } from "../net/http.ts";

/** A page opened at this computer's own name, which no student's device can open. */
export const isThisComputerOnly = (hostname: string) =>
  hostname === "localhost" || hostname.endsWith(".localhost") || hostname.startsWith("127.") || hostname === "[::1]";

export interface JoinAddress {
  /** Where students go (no trailing slash): this page's origin, or a network address of this computer. */
  base: string;
  /** This computer's network addresses, when the page was opened at `localhost` (the first is `base`). */
  choices: string[];
  choose(base: string): void;
  /** The page is at `localhost` and the server knows no address that other devices can use. */
  unreachable: boolean;
}

/**
 * The address students join at. An instructor who runs Parley on a laptop and opens it at
 * `localhost` would otherwise show the class an address that works on the laptop only: the
 * server tells such a page its network addresses, and the first is used (another can be chosen).
 */
export function useJoinAddress(): JoinAddress {
  const local = isThisComputerOnly(window.location.hostname);
  const [choices, setChoices] = useState<string[]>();
  const [chosen, choose] = useState<string>();
  useEffect(() => {
    if (!local) return;
    let live = true;
    api<{ addresses: string[] }>("/addresses")
      .then(({ addresses }) => live && setChoices(addresses))
      .catch(() => live && setChoices([]));
    return () => {
      live = false;
    };
  }, [local]);
  const found = choices ?? [];
  return {
    base: chosen ?? found[0] ?? window.location.origin,
    choices: found,
    choose,
    unreachable: local && choices !== undefined && found.length === 0,
  };
}
