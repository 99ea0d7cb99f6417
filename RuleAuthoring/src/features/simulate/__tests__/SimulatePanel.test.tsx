import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { AuthProvider } from '../../../lib/auth';
import type { Me, RuleSet } from '../../../lib/types';
import type { SimulationAnswer } from '../api/simulate';
import { SimulatePanel } from '../components/SimulatePanel';
import { draftAnswer } from './fixtures';

const planner: Me = { name: 'Pat Planner', role: 'planner', permissions: { authorRules: true, readRules: true, comment: true } };

function ruleSet(patch: Partial<RuleSet>): RuleSet {
  return {
    id: 'ecommerce-v2', segment: 'ecommerce', version: 2, status: 'draft', active: false, name: 'E-commerce (autumn)', revision: 3,
    author: 'pat', createdAt: '2026-11-26T10:00:00Z', updatedAt: '2026-11-26T10:00:00Z', updatedBy: 'pat', basedOn: 'ecommerce-v1', publishedAt: null,
    publishedBy: null, publishComment: null, effectiveFrom: null, archivedAt: null, archivedBy: null, document: null, problems: null, ...patch,
  };
}

const draft = ruleSet({});
const live = ruleSet({ id: 'ecommerce-v1', version: 1, status: 'published', active: true, name: 'E-commerce', basedOn: null });
const asDraft: SimulationAnswer = { ...draftAnswer, ruleSet: { id: 'ecommerce-v2', segment: 'ecommerce', version: 2, status: 'draft' } };
const underLive: SimulationAnswer = {
  ...draftAnswer,
  ruleSet: { id: 'ecommerce-v1', segment: 'ecommerce', version: 1, status: 'published' },
  lines: [draftAnswer.lines[0]!, { ...draftAnswer.lines[1]!, allocations: [{ sku: 'SKU-000456', node: 'DC-FRANKFURT', quantity: 6, promiseDate: '2026-11-28T15:00:00Z' }] }],
  totals: { ...draftAnswer.totals, shipments: 2 },
};

const bodies: { id: string; body: unknown }[] = [];
const server = setupServer(
  http.get('/v1/rulesets/ecommerce-v2', () => HttpResponse.json(draft)),
  http.get('/v1/rulesets', ({ request }) => {
    const url = new URL(request.url);
    expect(url.searchParams.get('segment')).toBe('ecommerce');
    return HttpResponse.json([live]);
  }),
  http.post('/v1/rulesets/:id/simulate', async ({ params, request }) => {
    bodies.push({ id: String(params.id), body: await request.json() });
    return HttpResponse.json(params.id === 'ecommerce-v1' ? underLive : asDraft);
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => { server.resetHandlers(); bodies.length = 0; });
afterAll(() => server.close());

function renderWith(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AuthProvider initial={planner}>{ui}</AuthProvider>
    </QueryClientProvider>,
  );
}

describe('SimulatePanel', () => {
  it('runs the sample order and shows the chosen node, why, the exclusions and the trace', async () => {
    const user = userEvent.setup();
    renderWith(<SimulatePanel ruleSetId="ecommerce-v2" />);

    expect(await screen.findByRole('textbox', { name: 'Segment' })).toHaveValue('ecommerce');
    expect(screen.getByRole('textbox', { name: 'SKU, line 1' })).toHaveValue('SKU-000208');
    await user.click(screen.getByRole('button', { name: 'Run simulation' }));

    const result = await screen.findByRole('region', { name: 'Result under draft v2' });
    expect(within(result).getByRole('heading', { name: /^Chosen:/ })).toHaveTextContent('Chosen: DC-HAMBURG (8 units, lines 1, 2)');
    expect(within(result).getByText(/Nothing was reserved/)).toBeInTheDocument();
    const excluded = within(result).getByRole('table', { name: 'Nodes excluded, Result under draft v2' });
    const zurich = within(excluded).getByRole('row', { name: /DC-ZURICH/ });
    expect(zurich).toHaveTextContent('not in the ship-to country');
    expect(zurich).toHaveTextContent('ne-domestic');
    expect(within(result).getByRole('list', { name: 'Explanation, Result under draft v2' }))
      .toHaveTextContent('DC-HAMBURG chosen over DC-FRANKFURT');
    expect(within(result).getByRole('table', { name: /Line 1: SKU-000208/ })).toHaveTextContent('DC-HAMBURG');

    const trace = within(result).getByRole('list', { name: 'Decision trace, Result under draft v2' });
    expect(within(trace).getAllByRole('listitem')).toHaveLength(draftAnswer.trace.length);
    expect(trace).toHaveTextContent('rule route-cost-cutoff');
    expect(trace).not.toHaveTextContent('{');

    expect(bodies).toEqual([{
      id: 'ecommerce-v2',
      body: {
        segment: 'ecommerce', customer: { id: 'C-1001', tier: 'gold' },
        shipTo: { country: 'DE', postalCode: '10178', latitude: 52.52, longitude: 13.405 },
        lines: [{ lineId: '1', sku: 'SKU-000208', quantity: 2, uom: 'each' }, { lineId: '2', sku: 'SKU-000456', quantity: 6, uom: 'each' }],
      },
    }]);
  });

  it('compares with the version in force side by side and marks what differs', async () => {
    const user = userEvent.setup();
    renderWith(<SimulatePanel ruleSetId="ecommerce-v2" />);
    await user.click(await screen.findByRole('checkbox', { name: 'Compare with version in force (v1)' }));
    await user.click(screen.getByRole('button', { name: 'Run simulation' }));

    const differences = await screen.findByRole('region', { name: 'Differences' });
    expect(within(differences).getByRole('status')).toHaveTextContent('3 differences between draft v2 and v1 (in force).');
    expect(within(differences).getByRole('row', { name: /Line 2/ })).toHaveTextContent('6 from DC-FRANKFURT');
    expect(screen.getByRole('region', { name: 'Result under this version (draft v2)' })).toHaveTextContent('Chosen: DC-HAMBURG');
    expect(screen.getByRole('region', { name: 'Result under the version in force (v1)' })).toHaveTextContent('Chosen: DC-HAMBURG (2 units, line 1), DC-FRANKFURT');
    expect(bodies.map((b) => b.id).sort()).toEqual(['ecommerce-v1', 'ecommerce-v2']);
  });

  it('shows the service’s field errors in words beside the fields they name', async () => {
    server.use(http.post('/v1/rulesets/:id/simulate', () => HttpResponse.json({
      type: 'https://inventoryrules.dev/errors/invalid-value', title: 'The request is not valid', status: 400,
      detail: '2 problems; see errors', code: 'invalid_value',
      errors: [
        { field: 'lines[0].sku', code: 'unknown_sku', message: "sku 'SKU-000208' is not in the item master" },
        { field: 'lines[1].uom', code: 'unknown_uom', message: "SKU-000456 has no unit 'each'; it has case" },
      ],
    }, { status: 400, headers: { 'Content-Type': 'application/problem+json' } })));
    const user = userEvent.setup();
    renderWith(<SimulatePanel ruleSetId="ecommerce-v2" />);
    await user.click(await screen.findByRole('button', { name: 'Run simulation' }));

    expect(await screen.findByRole('textbox', { name: 'SKU, line 1' })).toHaveAccessibleDescription("sku 'SKU-000208' is not in the item master");
    expect(screen.getByRole('combobox', { name: 'Unit, line 2' })).toHaveAccessibleDescription("SKU-000456 has no unit 'each'; it has case");
    const notice = screen.getAllByRole('alert').find((a) => a.textContent?.includes('The request is not valid'))!;
    expect(notice).toHaveTextContent('code: invalid_value');
    expect(document.body).not.toHaveTextContent('"field"');
  });

  it('checks a pasted order before sending it and says what is wrong in words', async () => {
    const user = userEvent.setup();
    renderWith(<SimulatePanel ruleSetId="ecommerce-v2" />);
    await user.click(await screen.findByRole('tab', { name: 'Paste order JSON' }));
    const box = screen.getByRole('textbox', { name: 'Order JSON' });
    expect(JSON.parse((box as HTMLTextAreaElement).value)).toMatchObject({ segment: 'ecommerce', lines: [{ sku: 'SKU-000208' }, { sku: 'SKU-000456' }] });
    await user.clear(box);
    await user.click(box);
    await user.paste('{"shipTo":{"country":"DE"},"lines":[{"sku":"SKU-000208","quantity":"two"}]}');
    await user.click(screen.getByRole('button', { name: 'Run simulation' }));
    expect(box).toHaveAccessibleDescription(/lines\[0\]\.quantity must be a whole number above zero, not the text "two"\./);
    expect(bodies).toEqual([]);
  });

  it('moves focus to the result when it arrives', async () => {
    const user = userEvent.setup();
    renderWith(<SimulatePanel ruleSetId="ecommerce-v2" />);
    await user.click(await screen.findByRole('button', { name: 'Run simulation' }));
    const result = await screen.findByRole('region', { name: 'Result under draft v2' });
    expect(within(result).getByRole('heading', { name: 'Result under draft v2' })).toHaveFocus();
  });

  it('marks a result out of date when the order changes after the run', async () => {
    const user = userEvent.setup();
    renderWith(<SimulatePanel ruleSetId="ecommerce-v2" />);
    await user.click(await screen.findByRole('button', { name: 'Run simulation' }));
    await screen.findByRole('region', { name: 'Result under draft v2' });
    expect(screen.queryByText(/Out of date/)).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Quantity, line 1' }), '0');
    expect(screen.getByText('Out of date: the order changed since this run — run again.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Run simulation' }));
    expect(await screen.findByRole('region', { name: 'Result under draft v2' })).toBeInTheDocument();
    expect(screen.queryByText(/Out of date/)).not.toBeInTheDocument();
  });

  it('clears an earlier server error when the order changes or a check in the browser blocks the run', async () => {
    server.use(http.post('/v1/rulesets/:id/simulate', () => HttpResponse.json({
      title: 'The request is not valid', status: 400, detail: '1 problem; see errors', code: 'invalid_value',
      errors: [{ field: 'lines[0].sku', code: 'unknown_sku', message: "sku 'SKU-NOPE' is not in the item master" }],
    }, { status: 400, headers: { 'Content-Type': 'application/problem+json' } })));
    const user = userEvent.setup();
    renderWith(<SimulatePanel ruleSetId="ecommerce-v2" />);
    await user.click(await screen.findByRole('button', { name: 'Run simulation' }));
    const sku = await screen.findByRole('textbox', { name: 'SKU, line 1' });
    await screen.findByText('The request is not valid');
    expect(sku).toHaveAttribute('aria-invalid', 'true');
    expect(sku).toHaveAccessibleDescription("sku 'SKU-NOPE' is not in the item master");

    const quantity = screen.getByRole('textbox', { name: 'Quantity, line 1' });
    await user.clear(quantity);
    await user.type(quantity, '0');
    expect(screen.queryByText('The request is not valid')).not.toBeInTheDocument();
    expect(sku).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Run simulation' }));
    expect(quantity).toHaveAccessibleDescription('The quantity is a whole number above zero.');
    expect(screen.queryByText('The request is not valid')).not.toBeInTheDocument();
  });

  it('drops the earlier result when a pasted order fails its check', async () => {
    const user = userEvent.setup();
    renderWith(<SimulatePanel ruleSetId="ecommerce-v2" />);
    await user.click(await screen.findByRole('button', { name: 'Run simulation' }));
    await screen.findByRole('region', { name: 'Result under draft v2' });
    await user.click(screen.getByRole('tab', { name: 'Paste order JSON' }));
    const box = screen.getByRole('textbox', { name: 'Order JSON' });
    await user.clear(box);
    await user.click(box);
    await user.paste('{"segment":"vip"}');
    await user.click(screen.getByRole('button', { name: 'Run simulation' }));
    expect(box).toHaveAccessibleDescription(/segment "vip"/);
    expect(screen.queryByRole('region', { name: 'Result under draft v2' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /^Chosen:/ })).not.toBeInTheDocument();
  });

  it('shows the seconds spent and cancels a run that hangs', async () => {
    let aborted = false;
    server.use(http.post('/v1/rulesets/:id/simulate', async ({ request }) => {
      request.signal.addEventListener('abort', () => { aborted = true; });
      await delay('infinite');
      return HttpResponse.json(asDraft);
    }));
    const user = userEvent.setup();
    renderWith(<SimulatePanel ruleSetId="ecommerce-v2" />);
    await user.click(await screen.findByRole('button', { name: 'Run simulation' }));
    expect(await screen.findByRole('button', { name: 'Simulating… 0 s' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('status')).toHaveTextContent('Simulation cancelled.');
    expect(screen.getByRole('button', { name: 'Run simulation' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await vi.waitFor(() => expect(aborted).toBe(true));
  });
});
