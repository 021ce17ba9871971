/** A JSON request to the server's HTTP API; errors carry the server's message. */
export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`/api${path}`, {
    ...init,
    headers: { "content-type": "application/json", ...(init?.headers ?? {}) },
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new Error(body.error ?? `Request failed (${response.status})`);
  return body as T;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  dateContext: string;
  summary: string;
  recommended: { seats: number; minutes: number };
  roundLimit: number;
  parties: { id: string; name: string; kind: string; publicBrief: string }[];
  issues: { id: string; name: string }[];
}
