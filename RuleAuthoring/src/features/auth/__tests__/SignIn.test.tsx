import { describe, expect, it, beforeAll, afterAll, afterEach } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AuthProvider } from '../../../lib/auth';
import { AppShell } from '../../../components/AppShell';
import { SignIn } from '../components/SignIn';
import { storedApiKey } from '../../../lib/session';

const server = setupServer(
  http.get('/v1/me', ({ request }) => {
    const key = request.headers.get('X-Api-Key');
    if (key === 'dev-oms') {
      return HttpResponse.json({ name: 'dev-oms', role: 'oms', permissions: { authorRules: false, readRules: false, comment: false } });
    }
    if (key === 'dev-analyst') {
      return HttpResponse.json({ name: 'dev-analyst', role: 'analyst', permissions: { authorRules: false, readRules: true, comment: true } });
    }
    return HttpResponse.json(
      { title: 'Unauthorized', status: 401, code: 'unauthorized', detail: 'Unknown API key.' },
      { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
    );
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function renderSignIn() {
  const router = createMemoryRouter(
    [
      { path: '/signin', element: <SignIn /> },
      { element: <AppShell />, children: [{ path: '/rulesets', element: <h1>Rule sets by segment</h1> }] },
    ],
    { initialEntries: ['/signin'] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>,
  );
}

describe('SignIn', () => {
  it('signs in with a key and shows the role, read-only for an analyst', async () => {
    renderSignIn();
    await userEvent.type(screen.getByLabelText('API key'), 'dev-analyst');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Rule sets by segment' })).toBeInTheDocument();
    expect(screen.getByTitle('Your role')).toHaveTextContent('analyst');
    expect(screen.getByText('read-only')).toBeInTheDocument();
    expect(storedApiKey()).toBe('dev-analyst');
  });

  it('says in words why a key was refused and keeps nothing', async () => {
    renderSignIn();
    await userEvent.type(screen.getByLabelText('API key'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This API key is not accepted');
    expect(alert.textContent).not.toContain('{');
    expect(alert.textContent).not.toContain('X-Api-Key');
    expect(storedApiKey()).toBeNull();
  });

  it('refuses a valid key whose role cannot use the tool, in words, at the sign-in screen', async () => {
    renderSignIn();
    await userEvent.type(screen.getByLabelText('API key'), 'dev-oms');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This key belongs to the oms role, which cannot use rule authoring.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(storedApiKey()).toBeNull();
  });

  it('asks for a key when none was typed', async () => {
    renderSignIn();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Enter your API key.');
    expect(alert).not.toHaveTextContent('Something went wrong');
  });
});
