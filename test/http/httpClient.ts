/** What a client of the HTTP gateway sees: the status, the headers and the parsed JSON body. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; [key: string]: unknown };
}

/** POSTs `body` as JSON to `url` with `headers`. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as HttpAnswer['body'] };
}

/** GETs `url` asking for JSON. */
export async function getJson(url: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as HttpAnswer['body'] };
}

/** The codes of the errors of an answer, in order. */
export function codes(answer: HttpAnswer): unknown[] {
  return (answer.body.errors ?? []).map((error) => error.extensions?.code);
}

/** API keys of every role, as `API_KEYS` takes them. */
export const KEYS = {
  analyst: 'analyst-key-0123456789abcdef',
  frontend: 'frontend-key-0123456789abcdef',
  partner: 'partner-key-0123456789abcdef',
} as const;

/** `API_KEYS` for {@link KEYS}. */
export const API_KEYS = JSON.stringify([
  { key: KEYS.analyst, role: 'analyst', name: 'ops-team' },
  { key: KEYS.frontend, role: 'frontend', name: 'web-shop' },
  { key: KEYS.partner, role: 'partner', name: 'acme-partner' },
]);

/** The `Authorization` header of a role's key. */
export function bearer(role: keyof typeof KEYS): Record<string, string> {
  return { authorization: `Bearer ${KEYS[role]}` };
}
