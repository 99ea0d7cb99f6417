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

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw ApiProblem.network(cause);
  }

  const text = await response.text();
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

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { title: 'Unexpected answer from the service', detail: text.slice(0, 200) };
  }
}
