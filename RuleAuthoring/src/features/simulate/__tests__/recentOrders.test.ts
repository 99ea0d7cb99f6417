import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { formatInstant } from '../../../lib/format';
import { fetchRecentOrders, recentOrderOf, type DecisionSummary } from '../api/recent-orders';
import { loadedSentence, thenVsNow } from '../components/recentOrderText';
import { decisionDetails, decisionsPage, ord2, ord2Now } from './recentOrderFixtures';

const ord2Detail = decisionDetails[ord2]!;

describe('recentOrderOf', () => {
  it('reads the stored request back as the body the OMS sent, in eaches, and where it shipped from', () => {
    const order = recentOrderOf(ord2Detail, 'vip');
    expect(order.orderId).toBe('ORD-2');
    expect(order.body).toEqual({
      segment: 'vip',
      customer: { id: 'C-2', tier: 'platinum', strategic: false, contractPriority: 0 },
      shipTo: { country: 'DE', postalCode: '80331', latitude: 48.1374, longitude: 11.5755 },
      lines: [{ lineId: '1', sku: 'SKU-000208', quantity: 3 }, { lineId: '2', sku: 'SKU-000456', quantity: 6 }],
      requestedDate: '2026-12-10T12:00:00Z',
      preOrder: false,
    });
    expect(order.customer).toEqual({ id: 'C-2', tier: 'platinum', strategic: false });
    expect(order.nodes).toEqual(['3PL-LEIPZIG', 'DC-FRANKFURT']);
    expect(order.heldUnits).toBe(9);
  });

  it('offers no body when the log holds no readable request, and counts no units once reservations are released', () => {
    const order = recentOrderOf({
      ...ord2Detail, request: null,
      reservations: ord2Detail.reservations.map((r) => ({ ...r, status: 'released' })),
    }, 'vip');
    expect(order.body).toBeNull();
    expect(order.heldUnits).toBe(0);
  });
});

describe('loadedSentence', () => {
  it('names the order, when and under which version it was decided, and the nodes it shipped from', () => {
    expect(loadedSentence(recentOrderOf(ord2Detail, 'vip'))).toBe(
      `Loaded order ORD-2 decided ${formatInstant(ord2Detail.createdAt)} under vip v1: it shipped from 3PL-LEIPZIG and DC-FRANKFURT then.`);
  });

  it('says so when no node shipped anything', () => {
    const backordered = recentOrderOf({
      ...ord2Detail, arm: 'B',
      lines: ord2Detail.lines.map((l) => ({ ...l, allocations: [], backordered: l.requested })),
      totals: { ...ord2Detail.totals, allocated: 0, backordered: 9 },
    }, 'vip');
    expect(loadedSentence(backordered)).toMatch(/under vip v1 \(arm B\): no node shipped it then \(9 backordered\)\.$/);
  });
});

describe('thenVsNow', () => {
  it('aligns lines by id and says a difference under the same version comes from stock, not rules', () => {
    const cmp = thenVsNow(recentOrderOf(ord2Detail, 'vip'), ord2Now);
    expect(cmp.sameNodes).toBe(false);
    expect(cmp.sameVersion).toBe(true);
    expect(cmp.summary).toBe('Different from then: 3PL-LEIPZIG and DC-FRANKFURT then, DC-FRANKFURT now.');
    expect(cmp.comparison.lines.map((l) => [l.lineId, l.inForce, l.draft, l.differs])).toEqual([
      ['1', '3 from 3PL-LEIPZIG', '3 from DC-FRANKFURT', true],
      ['2', '6 from DC-FRANKFURT', '6 from DC-FRANKFURT', false],
    ]);
  });

  it('says when the nodes are the same', () => {
    const order = recentOrderOf(ord2Detail, 'vip');
    const same = { ...ord2Now, lines: ord2Now.lines.map((l, i) => ({ ...l, allocations: [{ ...l.allocations[0]!, node: order.nodes[i]! }] })) };
    expect(thenVsNow(order, same).summary).toBe('Same as then: 3PL-LEIPZIG and DC-FRANKFURT.');
  });
});

describe('fetchRecentOrders', () => {
  const other = (i: number): DecisionSummary => ({
    ...decisionsPage.items[3]!, decisionId: `dec_other_${i}`, orderId: `EC-${i}`, segment: 'ecommerce',
  });
  const pages: Record<string, DecisionSummary[]> = {};
  const asked: string[] = [];
  const server = setupServer(
    http.get('/v1/decisions', ({ request }) => {
      const url = new URL(request.url);
      asked.push(url.search);
      const items = pages[url.searchParams.get('page')!] ?? [];
      return HttpResponse.json({ items, page: Number(url.searchParams.get('page')), pageSize: 200, total: 200 * Object.keys(pages).length });
    }),
    http.get('/v1/decisions/:id', ({ params }) => HttpResponse.json(decisionDetails[String(params.id)])),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    asked.length = 0;
    for (const k of Object.keys(pages)) delete pages[k];
  });
  afterAll(() => server.close());

  it('reads further pages until it finds the segment’s orders, and counts a decision seen twice once', async () => {
    const vip = decisionsPage.items.filter((d) => d.segment === 'vip' && d.kind === 'source');
    pages['1'] = [vip[0]!, ...Array.from({ length: 199 }, (_, i) => other(i))];
    // An order decided between the two reads shifts the pages by one: ORD-5 comes again at the top of page 2.
    pages['2'] = [vip[0]!, ...vip.slice(1), ...Array.from({ length: 200 - vip.length }, (_, i) => other(300 + i))];
    const result = await fetchRecentOrders('vip');
    expect(asked).toEqual(['?segment=vip&kind=source&page=1&pageSize=200', '?segment=vip&kind=source&page=2&pageSize=200']);
    expect(result.orders.map((o) => o.orderId)).toEqual(['ORD-5', 'ORD-4', 'ORD-2', 'ORD-1']);
    expect(result).toMatchObject({ scanned: 400, complete: true, unreadable: 0 });
  });

  it('stops after a thousand decisions and says it did not look further', async () => {
    for (let p = 1; p <= 7; p++) pages[String(p)] = Array.from({ length: 200 }, (_, i) => other(p * 1000 + i));
    const result = await fetchRecentOrders('vip');
    expect(asked).toHaveLength(5);
    expect(result).toEqual({ orders: [], scanned: 1000, complete: false, unreadable: 0 });
  });

  it('lists the orders it could read and counts the others', async () => {
    pages['1'] = decisionsPage.items;
    server.use(http.get('/v1/decisions/:id', ({ params }) => (params.id === ord2
      ? HttpResponse.json({ title: 'Not found', status: 404, code: 'not_found' }, { status: 404 })
      : HttpResponse.json(decisionDetails[String(params.id)]))));
    const result = await fetchRecentOrders('vip');
    expect(result.orders.map((o) => o.orderId)).toEqual(['ORD-5', 'ORD-4', 'ORD-1']);
    expect(result.unreadable).toBe(1);
  });
});
