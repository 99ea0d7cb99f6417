import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { formatInstant } from '../../../lib/format';
import { AuthProvider } from '../../../lib/auth';
import type { Me, RuleSet } from '../../../lib/types';
import type { SimulationAnswer } from '../api/simulate';
import { SimulatePanel } from '../components/SimulatePanel';
import { decisionDetails, decisionsPage, ord2, ord2Now } from './recentOrderFixtures';

const planner: Me = { name: 'Pat Planner', role: 'planner', permissions: { authorRules: true, readRules: true, comment: true } };

const vipDraft: RuleSet = {
  id: 'vip-v2', segment: 'vip', version: 2, status: 'draft', active: false, name: 'VIP (winter)', revision: 1,
  author: 'pat', createdAt: '2026-11-26T10:00:00Z', updatedAt: '2026-11-26T10:00:00Z', updatedBy: 'pat', basedOn: 'vip-v1', publishedAt: null,
  publishedBy: null, publishComment: null, effectiveFrom: null, archivedAt: null, archivedBy: null, document: null, problems: null,
};
const vipLive: RuleSet = { ...vipDraft, id: 'vip-v1', version: 1, status: 'published', active: true, name: 'VIP', basedOn: null };
const nowUnderDraft: SimulationAnswer = { ...ord2Now, ruleSet: { id: 'vip-v2', segment: 'vip', version: 2, status: 'draft' } };

const bodies: unknown[] = [];
const searches: URLSearchParams[] = [];
const server = setupServer(
  http.get('/v1/rulesets/vip-v2', () => HttpResponse.json(vipDraft)),
  http.get('/v1/rulesets', () => HttpResponse.json([vipLive])),
  http.get('/v1/decisions', ({ request }) => {
    searches.push(new URL(request.url).searchParams);
    return HttpResponse.json(decisionsPage);
  }),
  http.get('/v1/decisions/:id', ({ params }) => {
    const detail = decisionDetails[String(params.id)];
    return detail ? HttpResponse.json(detail) : HttpResponse.json({ title: 'Not found', status: 404, code: 'not_found' }, { status: 404 });
  }),
  http.post('/v1/rulesets/:id/simulate', async ({ request }) => {
    bodies.push(await request.json());
    return HttpResponse.json(nowUnderDraft);
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => { server.resetHandlers(); bodies.length = 0; searches.length = 0; });
afterAll(() => server.close());

function renderPanel() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AuthProvider initial={planner}><SimulatePanel ruleSetId="vip-v2" /></AuthProvider>
    </QueryClientProvider>,
  );
}

async function openRecentOrders(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('tab', { name: 'Recent orders' }));
  return screen.findByRole('table', { name: 'Recent orders of vip' });
}

const ord2DecidedAt = formatInstant(decisionDetails[ord2]!.createdAt);

describe('Recent orders', () => {
  it('lists the segment’s latest orders with when, tier, lines and where they shipped from, and nothing else', async () => {
    const user = userEvent.setup();
    renderPanel();
    await screen.findByRole('tab', { name: 'Order form' });
    expect(searches).toEqual([]); // The log is read only once the tab is opened.

    const table = await openRecentOrders(user);
    expect(screen.getByRole('tab', { name: 'Recent orders' })).toHaveAttribute('aria-selected', 'true');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['ORD-5', 'ORD-4', 'ORD-2', 'ORD-1']);

    const row = within(table).getByRole('row', { name: /ORD-2/ });
    expect(row).toHaveTextContent(ord2DecidedAt);
    expect(row).toHaveTextContent('under vip v1');
    expect(row).toHaveTextContent('platinum');
    expect(within(row).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['SKU-000208 × 3', 'SKU-000456 × 6']);
    expect(row).toHaveTextContent('3PL-LEIPZIG, DC-FRANKFURT');
    expect(within(table).getByRole('row', { name: /ORD-5/ })).toHaveTextContent('standard, strategic');
    expect(within(table).getByRole('row', { name: /ORD-4/ })).toHaveTextContent('DC-ZURICH');
    expect(screen.getByText(/All 4 orders decided for vip, newest first\./)).toBeInTheDocument();
    expect(searches[0]!.get('page')).toBe('1');
  });

  it('loads a picked order into the form, to edit, and says where it shipped from then', async () => {
    const user = userEvent.setup();
    renderPanel();
    await openRecentOrders(user);
    await user.click(screen.getByRole('button', { name: 'Load order ORD-2' }));

    expect(screen.getByRole('tab', { name: 'Order form' })).toHaveAttribute('aria-selected', 'true');
    const loaded = screen.getByText(`Loaded order ORD-2 decided ${ord2DecidedAt} under vip v1: it shipped from 3PL-LEIPZIG and DC-FRANKFURT then.`);
    expect(loaded.closest('p')).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Customer id' })).toHaveValue('C-2');
    expect(screen.getByRole('combobox', { name: 'Customer tier' })).toHaveValue('platinum');
    expect(screen.getByRole('textbox', { name: 'Postal code' })).toHaveValue('80331');
    expect(screen.getByRole('textbox', { name: 'Latitude' })).toHaveValue('48.1374');
    expect(screen.getByRole('textbox', { name: 'SKU, line 1' })).toHaveValue('SKU-000208');
    expect(screen.getByRole('textbox', { name: 'Quantity, line 1' })).toHaveValue('3');
    expect(screen.getByRole('textbox', { name: 'SKU, line 2' })).toHaveValue('SKU-000456');
    expect(screen.getByRole('textbox', { name: 'Quantity, line 2' })).toHaveValue('6');
    expect(screen.getByLabelText('Requested date (optional)')).toHaveValue('2026-12-10');

    await user.click(screen.getByRole('tab', { name: 'Recent orders' }));
    expect(await screen.findByRole('row', { name: /ORD-2 loaded/ })).toBeInTheDocument();
  });

  it('runs the loaded order and compares the nodes then with the nodes under this version now', async () => {
    const user = userEvent.setup();
    renderPanel();
    await openRecentOrders(user);
    await user.click(screen.getByRole('button', { name: 'Load order ORD-2' }));
    await user.click(screen.getByRole('button', { name: 'Run simulation' }));

    const thenVsNow = await screen.findByRole('region', { name: 'Then vs now: order ORD-2' });
    expect(within(thenVsNow).getByRole('status'))
      .toHaveTextContent('Different from then: 3PL-LEIPZIG and DC-FRANKFURT then, DC-FRANKFURT now.');
    const table = within(thenVsNow).getByRole('table', { name: 'Then vs now, order ORD-2' });
    expect(within(table).getByRole('columnheader', { name: `Then (vip v1, ${ord2DecidedAt})` })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Now (draft v2)' })).toBeInTheDocument();
    const line1 = within(table).getByRole('row', { name: /Line 1/ });
    expect(within(line1).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3 from 3PL-LEIPZIG', '3 from DC-FRANKFURT']);
    expect(within(within(table).getByRole('row', { name: /Shipments/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '1']);
    expect(thenVsNow).toHaveTextContent('still holds 9 units in live reservations');
    expect(thenVsNow).not.toHaveTextContent('You edited the order');
    expect(screen.getByRole('region', { name: 'Result under draft v2' })).toBeInTheDocument();

    // The stored request as sent then (quantities in eaches, line ids kept, the exact instant asked for).
    expect(bodies).toEqual([{
      segment: 'vip', customer: { id: 'C-2', tier: 'platinum' },
      shipTo: { country: 'DE', postalCode: '80331', latitude: 48.1374, longitude: 11.5755 },
      lines: [{ lineId: '1', sku: 'SKU-000208', quantity: 3, uom: 'each' }, { lineId: '2', sku: 'SKU-000456', quantity: 6, uom: 'each' }],
      requestedDate: '2026-12-10T12:00:00Z',
    }]);
  });

  it('sends what a loaded order asked for, strategic, priority, pre-order and its own line ids included, and says when it was edited', async () => {
    const user = userEvent.setup();
    renderPanel();
    await openRecentOrders(user);
    await user.click(screen.getByRole('button', { name: 'Load order ORD-5' }));
    expect(screen.getByRole('checkbox', { name: 'Strategic customer' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Contract priority' })).toHaveValue('3');
    expect(screen.getByRole('checkbox', { name: 'Pre-order' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Run simulation' }));
    expect(bodies[0]).toEqual({
      segment: 'vip', customer: { id: 'C-5', tier: 'standard', strategic: true, contractPriority: 3 },
      shipTo: { country: 'DE', postalCode: '60311' },
      lines: [{ lineId: '1', sku: 'SKU-000208', quantity: 12, uom: 'each' }, { lineId: '2', sku: 'SKU-000456', quantity: 500, uom: 'each' }],
      requestedDate: '2026-12-10T22:30:00Z', preOrder: true,
    });

    await user.click(screen.getByRole('tab', { name: 'Recent orders' }));
    await user.click(await screen.findByRole('button', { name: 'Load order ORD-4' }));
    await user.clear(screen.getByRole('textbox', { name: 'Quantity, line 1' }));
    await user.type(screen.getByRole('textbox', { name: 'Quantity, line 1' }), '2');
    expect(screen.getByText(/You have edited it since\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Run simulation' }));
    expect(bodies[1]).toMatchObject({ customer: { id: 'anonymous', tier: 'standard' }, shipTo: { country: 'CH', postalCode: '8001' },
      lines: [{ lineId: 'A', sku: 'SKU-000456', quantity: 2, uom: 'each' }] });
    const thenVsNow = await screen.findByRole('region', { name: 'Then vs now: order ORD-4' });
    expect(thenVsNow).toHaveTextContent('You edited the order after loading it');

    await user.click(screen.getByRole('button', { name: 'Forget order ORD-4' }));
    expect(screen.queryByRole('region', { name: /Then vs now/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Loaded order/)).not.toBeInTheDocument();
  });

  it('moves between the three tabs with the arrow keys and loads an order from the keyboard', async () => {
    const user = userEvent.setup();
    renderPanel();
    const formTab = await screen.findByRole('tab', { name: 'Order form' });
    expect(screen.getByRole('tab', { name: 'Recent orders' })).toHaveAttribute('tabindex', '-1');
    formTab.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    const recentTab = screen.getByRole('tab', { name: 'Recent orders' });
    expect(recentTab).toHaveFocus();
    expect(recentTab).toHaveAttribute('aria-selected', 'true');
    await screen.findByRole('table', { name: 'Recent orders of vip' });

    await user.tab();
    expect(screen.getByRole('button', { name: 'Refresh recent orders' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Load order ORD-5' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByText(/^Loaded order ORD-5 decided/).closest('p')).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Customer id' })).toHaveValue('C-5');
  });

  it('says in words when the segment has no decided orders yet', async () => {
    server.use(http.get('/v1/decisions', () => HttpResponse.json({
      ...decisionsPage, items: decisionsPage.items.filter((d) => d.segment !== 'vip' || d.kind !== 'source'), total: 2,
    })));
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('tab', { name: 'Recent orders' }));
    expect(await screen.findByText('No orders decided for vip yet — orders appear here once the OMS sources them.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows an error from the decision log in words, with its code', async () => {
    server.use(http.get('/v1/decisions', () => HttpResponse.json({
      type: 'https://inventoryrules.dev/errors/forbidden', title: 'Not allowed', status: 403,
      detail: 'this key may not read the decision log', code: 'forbidden',
    }, { status: 403, headers: { 'Content-Type': 'application/problem+json' } })));
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('tab', { name: 'Recent orders' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not allowed');
    expect(alert).toHaveTextContent('Your role may not do this.');
    expect(alert).toHaveTextContent('code: forbidden');
    expect(screen.getByRole('button', { name: 'Refresh recent orders' })).toBeEnabled();
  });
});
