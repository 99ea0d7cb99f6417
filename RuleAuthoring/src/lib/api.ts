import { ApiProblem } from './problem';
import { storedApiKey } from './session';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** The revision read, sent as If-Match so that another planner's save is never overwritten. */
  ifMatch?: number;
  /** Overrides the stored key (sign-in tries a key before storing it). */
  apiKey?: string;
  signal?: AbortSignal;
}

/** How long a call may take before the user is told the service does not answer (a hung server never spins forever). */
export const requestTimeoutMs = 20_000;

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

/** Calls the service; any non-2xx answer becomes an {@link ApiProblem}, never raw JSON on screen. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const apiKey = options.apiKey ?? storedApiKey();
  if (apiKey) headers['X-Api-Key'] = apiKey;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;

  // One signal for both the caller's cancel and our timeout, told apart afterwards.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, requestTimeoutMs);
  const cancel = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', cancel);

  let response: Response;
  let text: string;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller.signal,
    });
    text = await response.text();
  } catch (cause) {
    if (timedOut) throw ApiProblem.timeout(requestTimeoutMs);
    if (isAbort(cause)) throw cause;
    throw ApiProblem.network(cause);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }

  const parsed: unknown = text ? safeParse(text) : null;
  if (!response.ok) {
    const body = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    throw new ApiProblem(response.status, body);
  }
  return { data: parsed as T, etag: response.headers.get('ETag') };
}

export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request<T>(path, { signal })).data;
}

function isAbort(cause: unknown): boolean {
  return typeof cause === 'object' && cause !== null && (cause as { name?: unknown }).name === 'AbortError';
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { title: 'Unexpected answer from the service', detail: text.slice(0, 200) };
  }
}
