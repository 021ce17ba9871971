/** An error from the server's API, with its message written for the user and its code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * What a request that never got an answer says (the device offline, the classroom's Wi-Fi
 * gone): the browser's own words were "Failed to fetch". It may have reached the server before
 * the answer was lost, so it does not promise that nothing changed.
 */
export const unreachable =
  "The server could not be reached (is this device still on the network?). Try again once it is.";

/** `fetch`, with a request that got no answer at all an ApiError saying so (status 0, code "Unreachable"). */
async function reach(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new ApiError(unreachable, 0, "Unreachable");
  }
}

/** A JSON request to the server's HTTP API; `token` goes in the Authorization header. */
export async function api<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const { token, ...rest } = init;
  const response = await reach(`/api${path}`, {
    ...rest,
    headers: {
      ...(rest.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(rest.headers ?? {}),
    },
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string; code?: string };
  if (!response.ok) throw new ApiError(body.error ?? `Request failed (${response.status})`, response.status, body.code);
  return body as T;
}

export const post = <T>(path: string, body: unknown, token?: string) =>
  api<T>(path, { method: "POST", body: JSON.stringify(body), token });

/** Downloads an authorised file (an export) by fetching it and handing the browser a blob. */
export async function download(path: string, token: string, filename: string): Promise<void> {
  const response = await reach(`/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new ApiError(`Download failed (${response.status})`, response.status, undefined);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
