import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { AuthProvider } from '../../../lib/auth';
import type { Me, RuleSet } from '../../../lib/types';
import { diffLink, newestFirst, previousVersion } from '../api/history';
import { VersionHistory } from '../components/VersionHistory';

const planner: Me = { name: 'Pat Planner', role: 'planner', permissions: { authorRules: true, readRules: true, comment: true } };
const analyst: Me = { name: 'Ann Analyst', role: 'analyst', permissions: { authorRules: false, readRules: true, comment: true } };

function version(n: number, patch: Partial<RuleSet> = {}): RuleSet {
  return {
    id: `ecommerce-v${n}`, segment: 'ecommerce', version: n, status: 'published', active: false, name: `E-commerce ${n}`, revision: 1,
    author: 'pat', createdAt: `2026-11-0${n}T10:00:00Z`, updatedAt: `2026-11-0${n}T10:00:00Z`, updatedBy: 'pat', basedOn: n > 1 ? `ecommerce-v${n - 1}` : null,
    publishedAt: `2026-11-0${n}T11:00:00Z`, publishedBy: 'pat', publishComment: `release ${n}`, effectiveFrom: null, archivedAt: null,
    archivedBy: null, document: null, problems: null, ...patch,
  };
}

let versions: RuleSet[] = [];
const posted: { url: string; body: unknown }[] = [];
const server = setupServer(
  http.get('/v1/rulesets', () => HttpResponse.json(versions)),
  http.post('/v1/rulesets/:id/rollback', async ({ params, request }) => {
    posted.push({ url: request.url, body: await request.json() });
    const copy = version(5, { active: true, basedOn: String(params.id), publishComment: 'back to v2' });
    versions = [...versions.map((v) => ({ ...v, active: false })), copy];
    return HttpResponse.json(copy, { status: 201 });
  }),
  http.post('/v1/rulesets/:id/drafts', ({ params }) => HttpResponse.json(version(5, { status: 'draft', basedOn: String(params.id), publishedAt: null }), { status: 201 })),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  posted.length = 0;
  versions = [
    version(1, { status: 'archived' }),
    version(2),
    version(3, { active: true }),
    version(4, { status: 'draft', publishedAt: null, publishedBy: null, publishComment: null }),
  ];
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname}{location.search}</p>;
}

function renderHistory(me: Me) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([
    { path: '/segments/:segment', element: <VersionHistory segment="ecommerce" /> },
    { path: '*', element: <Where /> },
  ], { initialEntries: ['/segments/ecommerce'] });
  return render(
    <QueryClientProvider client={client}>
      <AuthProvider initial={me}><RouterProvider router={router} /></AuthProvider>
    </QueryClientProvider>,
  );
}

describe('VersionHistory', () => {
  it('lists versions newest first with the one in force marked', async () => {
    renderHistory(planner);
    const table = await screen.findByRole('table', { name: 'Versions of ecommerce' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['draft v4', 'v3', 'v2', 'v1']);
    expect(rows[1]).toHaveTextContent('in force');
    expect(rows[1]).toHaveAttribute('aria-current', 'true');
    expect(within(rows[2]!).getByRole('link', { name: 'Compare with previous (v1 to v2)' })).toHaveAttribute('href', '/diff?from=ecommerce-v1&to=ecommerce-v2');
    expect(within(rows[2]!).getByRole('link', { name: 'Compare with in force (v3 and v2)' })).toHaveAttribute('href', '/diff?from=ecommerce-v2&to=ecommerce-v3');
  });

  it('shows an analyst no write actions', async () => {
    renderHistory(analyst);
    await screen.findByRole('table', { name: 'Versions of ecommerce' });
    expect(screen.queryByRole('button', { name: /Roll back/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /New draft/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open v2' })).toBeInTheDocument();
  });

  it('offers roll back only on published or archived versions not in force', async () => {
    renderHistory(planner);
    await screen.findByRole('table', { name: 'Versions of ecommerce' });
    expect(screen.getAllByRole('button', { name: /^Roll back to/ }).map((b) => b.textContent)).toEqual(['Roll back to v2', 'Roll back to v1']);
    expect(screen.getAllByRole('button', { name: /^New draft from/ })).toHaveLength(4);
  });

  it('does not offer roll back to an archived draft that was never published', async () => {
    versions = [...versions, version(0, { id: 'ecommerce-v0', status: 'archived', publishedAt: null, publishedBy: null, publishComment: null })];
    renderHistory(planner);
    await screen.findByRole('table', { name: 'Versions of ecommerce' });
    expect(screen.getAllByRole('button', { name: /^Roll back to/ }).map((b) => b.textContent)).toEqual(['Roll back to v2', 'Roll back to v1']);
  });

  it('puts Cancel before the primary action in the rollback dialog', async () => {
    const user = userEvent.setup();
    renderHistory(planner);
    await user.click(await screen.findByRole('button', { name: 'Roll back to v2' }));
    const dialog = screen.getByRole('dialog', { name: 'Roll back ecommerce to v2?' });
    expect(within(dialog).getAllByRole('button').map((b) => b.textContent)).toEqual(['Cancel', 'Roll back']);
  });

  it('rolls back after confirming with a comment, then links the new version', async () => {
    const user = userEvent.setup();
    renderHistory(planner);
    await user.click(await screen.findByRole('button', { name: 'Roll back to v2' }));
    const dialog = screen.getByRole('dialog', { name: 'Roll back ecommerce to v2?' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Rollback comment' }), 'back to v2');
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));

    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent('Rolled back to v2. v5 is now in force for ecommerce.');
    expect(within(done).getByRole('link', { name: 'v5' })).toHaveAttribute('href', '/rulesets/ecommerce-v5');
    expect(posted).toEqual([{ url: expect.stringMatching(/\/v1\/rulesets\/ecommerce-v2\/rollback$/), body: { comment: 'back to v2' } }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Versions of ecommerce' });
    expect(await within(table).findByRole('rowheader', { name: 'v5' })).toBeInTheDocument();
  });

  it('compares any two selected versions', async () => {
    const user = userEvent.setup();
    renderHistory(planner);
    expect(await screen.findByRole('button', { name: 'Compare selected' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Select v3' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select v1' }));
    await user.click(screen.getByRole('link', { name: 'Compare selected' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/diff?from=ecommerce-v1&to=ecommerce-v3');
  });

  it('starts a new draft from a version and opens it', async () => {
    const user = userEvent.setup();
    renderHistory(planner);
    await user.click(await screen.findByRole('button', { name: 'New draft from v2' }));
    expect(await screen.findByTestId('where')).toHaveTextContent('/rulesets/ecommerce-v5');
  });
});

describe('history helpers', () => {
  const list = newestFirst([version(1), version(3), version(2, { status: 'archived' }), version(4, { status: 'draft', basedOn: 'ecommerce-v2' })]);
  it('finds the previous version: a draft’s base, else the nearest older published one', () => {
    expect(list.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect(previousVersion(list, list[0]!)?.id).toBe('ecommerce-v2');
    expect(previousVersion(list, list[1]!)?.id).toBe('ecommerce-v2');
    expect(previousVersion(list, list[3]!)).toBeNull();
  });
  it('links the older version as from', () => {
    expect(diffLink(version(3), version(1))).toBe('/diff?from=ecommerce-v1&to=ecommerce-v3');
  });
});
