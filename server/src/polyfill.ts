/**
 * Colyseus 0.18 reads the global `WebSocket.OPEN` during reconnection; Node 20 has no global
 * WebSocket, so every reconnection would fail. Import this module before @colyseus/core.
 */
import { WebSocket } from "ws";

globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
