import { ErrorCode, matchMaker, ServerError } from "@colyseus/core";

/**
 * What a client may ask Colyseus's matchmaker over HTTP (`/matchmake/:method/:room`): to open
 * its session's overview (`joinOrCreate` of `session`, which checks the instructor's token
 * before the room is made) and to reconnect with a reconnection token. Table rooms are
 * reached only with a seat reservation from the API (`/api/me/reservation`, and the
 * instructor's), made on the server for the token's own table: asked directly, the
 * matchmaker would hand anyone a reservation naming some table's id, or make rooms.
 */
export function limitClientMatchmaking(): void {
  const controller = matchMaker.controller as typeof matchMaker.controller & { parleyLimited?: boolean };
  if (controller.parleyLimited) return;
  controller.parleyLimited = true;
  const invoke = controller.invokeMethod.bind(controller);
  controller.invokeMethod = (method, roomName, clientOptions, authOptions) => {
    if (method === "reconnect" || (method === "joinOrCreate" && roomName === "session"))
      return invoke(method, roomName, clientOptions, authOptions);
    return Promise.reject(
      new ServerError(
        ErrorCode.MATCHMAKE_NO_HANDLER,
        "Rooms are joined with a reservation from the API: a student's comes from /api/me/reservation.",
      ),
    );
  };
}
