/**
 * Why a table room closed a connection, as the server and the web client both read it
 * (docs/API.md): the codes of Parley's own, beside the WebSocket and Colyseus ones.
 */
export const closeCodes = {
  /** The seat is no longer this connection's: opened on another one, or the student was moved. */
  seatChanged: 4100,
  /** The instructor replaced the participant's link (token): the old one opens nothing now. */
  tokenRenewed: 4101,
} as const;
