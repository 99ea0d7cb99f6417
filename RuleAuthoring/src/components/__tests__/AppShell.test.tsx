import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AuthProvider } from '../../lib/auth';
import type { Me } from '../../lib/types';
import { AppShell } from '../AppShell';

function renderShell(role: string) {
  const me: Me = { name: 'Someone', role, permissions: { authorRules: role === 'planner', readRules: true, comment: true } };
  const router = createMemoryRouter([{ path: '/', element: <AppShell />, children: [{ index: true, element: <p>home</p> }] }]);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AuthProvider initial={me}><RouterProvider router={router} /></AuthProvider>
    </QueryClientProvider>,
  );
  return within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((a) => a.textContent);
}

describe('AppShell navigation', () => {
  it.each([
    ['planner', ['Rule sets', 'Experiments']],
    ['analyst', ['Rule sets', 'Experiments']],
    ['operator', ['Rule sets', 'Experiments', 'Background jobs']],
    ['admin', ['Rule sets', 'Experiments', 'Background jobs']],
  ])('shows a %s %j', (role, links) => expect(renderShell(role)).toEqual(links));
});

describe('AppShell sign out', () => {
  it('ends the dashboard session as well (DELETE /v1/session) and forgets the key', async () => {
    const calls: { url: string; method: string }[] = [];
    const fetchMock = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), method: init?.method ?? 'GET' });
      return new Response(null, { status: 204 });
    });
    vi.stubGlobal('fetch', fetchMock);
    sessionStorage.setItem('inventoryrules.apiKey', 'dev-operator');
    renderShell('operator');
    screen.getByRole('button', { name: 'Sign out' }).click();
    expect(calls).toContainEqual({ url: '/v1/session', method: 'DELETE' });
    vi.unstubAllGlobals();
  });
});
