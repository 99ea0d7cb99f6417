import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { request, requestTimeoutMs } from '../api';
import { ApiProblem } from '../problem';

const server = setupServer(
  http.get('/v1/slow', async () => { await delay('infinite'); return HttpResponse.json({}); }),
  http.get('/v1/refused', () => HttpResponse.json({ title: 'Invalid', status: 400, code: 'invalid_value', errors: [{ field: 'x', code: 'c', message: 'm' }] }, { status: 400 })),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => { server.resetHandlers(); vi.useRealTimers(); });
afterAll(() => server.close());

describe('request', () => {
  it('turns a refusal into a problem with its code and fields', async () => {
    const error = await request('/v1/refused').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).code).toBe('invalid_value');
    expect((error as ApiProblem).errors[0]?.field).toBe('x');
  });

  it('gives up on a service that does not answer and says so in words', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = request('/v1/slow').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(requestTimeoutMs + 10);
    const error = (await pending) as ApiProblem;
    expect(error.code).toBe('timeout');
    expect(error.detail).toContain('20 seconds');
  });

  it('lets the caller cancel without calling it a failure', async () => {
    const controller = new AbortController();
    const pending = request('/v1/slow', { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const error = await pending;
    expect(error).not.toBeInstanceOf(ApiProblem);
    expect((error as Error).name).toBe('AbortError');
  });
});
