import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { RuleSet } from '../../../lib/types';
import type { DiffResult } from '../api/diff';
import { DiffPage } from '../components/DiffPage';

function version(n: number, patch: Partial<RuleSet> = {}): RuleSet {
  return {
    id: `vip-v${n}`, segment: 'vip', version: n, status: 'published', active: false, name: `VIP ${n}`, revision: 1, author: 'pat',
    createdAt: `2026-11-0${n}T10:00:00Z`, updatedAt: `2026-11-0${n}T10:00:00Z`, updatedBy: 'pat', basedOn: null, publishedAt: null, publishedBy: null,
    publishComment: null, effectiveFrom: null, archivedAt: null, archivedBy: null, document: null, problems: null, ...patch,
  };
}

const v1 = version(1, { active: true, document: { segment: 'vip', name: 'VIP 1', rules: [
  { kind: 'hold', id: 'hold-gold', name: 'Hold for gold', quantity: 5 },
  { kind: 'routing', id: 'route-fast', name: 'Fastest', weights: { transitDays: 5 } },
  { kind: 'node_eligibility', id: 'ne-old', name: 'Old rule' },
] } });
const v2 = version(2, { status: 'draft', document: { segment: 'vip', name: 'VIP 2', rules: [
  { kind: 'hold', id: 'hold-gold', name: 'Hold for gold', quantity: 8 },
  { kind: 'routing', id: 'route-fast', name: 'Fastest', weights: { transitDays: 5 } },
  { kind: 'split', id: 'split-three', name: 'Three parcels' },
] } });
const diff: DiffResult = {
  fields: [{ pointer: '/name', from: 'VIP 1', to: 'VIP 2' }],
  rules: [
    { id: 'hold-gold', kind: 'hold', change: 'changed', fromIndex: 0, toIndex: 0, fields: [{ pointer: '/quantity', from: 5, to: 8 }] },
    { id: 'split-three', kind: 'split', change: 'added', toIndex: 2, fields: [] },
    { id: 'ne-old', kind: 'node_eligibility', change: 'removed', fromIndex: 2, fields: [] },
  ],
  added: 1, removed: 1, changed: 1, moved: 0,
};

const server = setupServer(
  http.get('/v1/rulesets', () => HttpResponse.json([v1, v2].map((v) => ({ ...v, document: null })))),
  http.get('/v1/rulesets/diff', ({ request }) => {
    const url = new URL(request.url);
    return url.searchParams.get('from') === 'vip-v1' && url.searchParams.get('to') === 'vip-v2'
      ? HttpResponse.json(diff)
      : HttpResponse.json({ title: 'Not found', status: 404, code: 'not_found' }, { status: 404 });
  }),
  http.get('/v1/rulesets/:id', ({ params }) => HttpResponse.json(params.id === 'vip-v1' ? v1 : v2)),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/diff', element: <DiffPage /> }, { path: '*', element: <p>elsewhere</p> }], { initialEntries: [url] });
  render(<QueryClientProvider client={client}><RouterProvider router={router} /></QueryClientProvider>);
  return router;
}

describe('DiffPage', () => {
  it('shows the summary and the rules side by side, aligned by id', async () => {
    renderAt('/diff?from=vip-v1&to=vip-v2');
    expect(await screen.findByRole('status', { name: 'Summary of changes' })).toHaveTextContent('1 rule changed, 1 added, 1 removed; 1 rule set field changed');
    expect(screen.getByRole('heading', { name: 'Compare versions of vip' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'From version' })).toHaveDisplayValue('v1 · in force · VIP 1');
    expect(screen.getByRole('combobox', { name: 'To version' })).toHaveDisplayValue('draft v2 · draft · VIP 2');

    const settings = screen.getByRole('table', { name: 'Rule set fields changed' });
    expect(within(settings).getByRole('row', { name: /Name/ })).toHaveTextContent('old value: VIP 1new value: VIP 2');

    const rules = screen.getByRole('table', { name: 'Rules side by side' });
    const rows = within(rules).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'hold-goldchanged1 field', 'route-fastunchanged', 'ne-oldremoved', 'split-threeadded',
    ]);
    const [from, to] = within(rows[0]!).getAllByRole('cell');
    expect(from).toHaveTextContent('Quantityold value: 5');
    expect(to).toHaveTextContent('Quantitynew value: 8');
    expect(within(rows[2]!).getAllByRole('cell')[1]).toHaveTextContent('Not in this version (removed)');
    expect(within(rows[3]!).getAllByRole('cell')[0]).toHaveTextContent('Not in this version (added)');
  });

  it('changes the versions compared from the selects', async () => {
    const user = userEvent.setup();
    const router = renderAt('/diff?from=vip-v1&to=vip-v2');
    await user.click(await screen.findByRole('button', { name: 'Swap from and to' }));
    expect(router.state.location.search).toBe('?from=vip-v2&to=vip-v1');
    expect(await screen.findByRole('alert')).toHaveTextContent('code: not_found');
    await user.selectOptions(screen.getByRole('combobox', { name: 'From version' }), 'v1 · in force · VIP 1');
    expect(router.state.location.search).toBe('?from=vip-v1&to=vip-v1');
    expect(screen.getByText('Pick two different versions to see what changed.')).toBeInTheDocument();
  });

  it('starts from a segment when no versions are named', async () => {
    const user = userEvent.setup();
    const router = renderAt('/diff');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Segment' }), 'vip');
    expect(router.state.location.search).toBe('?from=vip-v1&to=vip-v2');
  });

  it('shows every field in words, never JSON, added rules included, and says where shifted rules stand now', async () => {
    const w1 = version(1, { active: true, document: { segment: 'vip', name: 'VIP 1', rules: [
      { kind: 'NODE_ELIGIBILITY', id: 'ne-old', name: 'Old rule', forSegment: 'vip' },
      { kind: 'hold', id: 'hold-gold', name: 'Hold for gold', quantity: 5 },
    ] } });
    const w2 = version(2, { status: 'draft', document: { segment: 'vip', name: 'VIP 1', rules: [
      { kind: 'hold', id: 'hold-gold', name: 'Hold for gold', quantity: 5 },
      { kind: 'substitution', id: 'sub-soap', name: 'Soap substitutes', maxBackorderDays: 3,
        substitutions: [{ for: 'SKU-000133', use: ['SKU-000134', 'SKU-000135'] }], scope: { velocityClasses: ['A', 'B'] } },
    ] } });
    server.use(
      http.get('/v1/rulesets/diff', () => HttpResponse.json({
        fields: [],
        rules: [
          { id: 'ne-old', kind: 'NODE_ELIGIBILITY', change: 'removed', fromIndex: 0, fields: [] },
          { id: 'sub-soap', kind: 'substitution', change: 'added', toIndex: 1, fields: [] },
        ],
      } satisfies DiffResult)),
      http.get('/v1/rulesets/:id', ({ params }) => HttpResponse.json(params.id === 'vip-v1' ? w1 : w2)),
    );
    renderAt('/diff?from=vip-v1&to=vip-v2');
    expect(await screen.findByRole('status', { name: 'Summary of changes' })).toHaveTextContent('1 rule added, 1 removed');
    const rules = screen.getByRole('table', { name: 'Rules side by side' });
    const rows = within(rules).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'ne-oldremoved', 'hold-goldunchanged (now #1)', 'sub-soapadded',
    ]);
    const removed = within(rows[0]!).getAllByRole('cell')[0]!;
    expect(removed).toHaveTextContent('Node eligibility');
    expect(removed).toHaveTextContent('For segmentvip');
    const added = within(rows[2]!).getAllByRole('cell')[1]!;
    expect(added).toHaveTextContent('Max backorder days3');
    expect(added).toHaveTextContent('SubstitutionsSKU-000133 → SKU-000134, SKU-000135');
    expect(added).toHaveTextContent('Scope › velocity classesA, B');
    expect(rules).not.toHaveTextContent(/[{}"]/);
    expect(rules).not.toHaveTextContent('NODE_ELIGIBILITY');
    expect(rules).not.toHaveTextContent('→ #');
  });
});
