import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { AuthProvider } from '../../../lib/auth';
import type { Me } from '../../../lib/types';
import { groupByRule, type RuleComment } from '../api/comments';
import { FeedbackThread } from '../components/FeedbackThread';

const analyst: Me = { name: 'Ann Analyst', role: 'analyst', permissions: { authorRules: false, readRules: true, comment: true } };
const reader: Me = { name: 'Rita Reader', role: 'viewer', permissions: { authorRules: false, readRules: true, comment: false } };

function comment(patch: Partial<RuleComment>): RuleComment {
  return {
    id: 'c1', ruleSetId: 'ecommerce-v2', segment: 'ecommerce', version: 2, ruleId: 'route-cost-cutoff', author: 'Olga Operator',
    role: 'operator', body: 'Frankfurt is at capacity on Mondays.', createdAt: '2026-11-25T09:30:00Z', ...patch,
  };
}

let stored: RuleComment[] = [];
const server = setupServer(
  // As the service answers: numeric ids, ruleId left out for feedback on the whole version.
  http.get('/v1/rulesets/:id/comments', () => HttpResponse.json(stored.map(({ ruleId, ...c }) => (ruleId === null ? c : { ...c, ruleId })))),
  http.post('/v1/rulesets/:id/comments', async ({ params, request }) => {
    const body = (await request.json()) as { ruleId: string | null; body: string };
    if (body.body.length > 20) {
      return HttpResponse.json({
        title: 'The request is not valid', status: 400, code: 'invalid_value', detail: '1 problem; see errors',
        errors: [{ field: 'body', code: 'too_long', message: 'feedback is at most 20 characters here' }],
      }, { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
    }
    const saved = comment({ id: stored.length + 100, ruleSetId: String(params.id), ruleId: body.ruleId, body: body.body,
      author: 'Ann Analyst', role: 'analyst', createdAt: '2026-11-26T12:00:00Z' });
    stored = [saved, ...stored];
    return HttpResponse.json(saved, { status: 201 });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => { stored = []; });
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function renderThread(me: Me, ruleId: string | null) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AuthProvider initial={me}><FeedbackThread ruleSetId="ecommerce-v2" ruleId={ruleId} /></AuthProvider>
    </QueryClientProvider>,
  );
}

describe('FeedbackThread', () => {
  it('adds feedback on a rule and shows it with author, role and version', async () => {
    const user = userEvent.setup();
    renderThread(analyst, 'route-cost-cutoff');
    expect(await screen.findByText('No feedback on this rule yet.')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Feedback on route-cost-cutoff' }), 'Too costly');
    await user.click(screen.getByRole('button', { name: 'Add feedback' }));

    const list = await screen.findByRole('list', { name: 'Feedback on route-cost-cutoff' });
    const item = within(list).getByRole('listitem');
    expect(item).toHaveTextContent('Ann Analyst');
    expect(item).toHaveTextContent('analyst');
    expect(item).toHaveTextContent('on v2');
    expect(item).toHaveTextContent('Too costly');
    expect(screen.getByRole('textbox', { name: 'Feedback on route-cost-cutoff' })).toHaveValue('');
    expect(screen.getByRole('heading', { name: /Feedback \(1\)/ })).toBeInTheDocument();
  });

  it('shows only the rule’s own comments', async () => {
    stored = [comment({ id: 'a', ruleId: 'ne-domestic', body: 'Not this one' }), comment({ id: 'b' })];
    renderThread(analyst, 'route-cost-cutoff');
    const list = await screen.findByRole('list', { name: 'Feedback on route-cost-cutoff' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByText('Not this one')).not.toBeInTheDocument();
  });

  it('groups the whole segment’s feedback by rule when no rule is named', async () => {
    stored = [comment({ id: 'a', ruleId: null, body: 'Looks good overall', version: 1 }), comment({ id: 'b' }), comment({ id: 'c', ruleId: 'ne-domestic' })];
    renderThread(analyst, null);
    expect(await screen.findByRole('list', { name: 'Feedback on the rule set as a whole' })).toHaveTextContent('on v1');
    expect(screen.getByRole('list', { name: 'Feedback on route-cost-cutoff' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Feedback on ne-domestic' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Feedback on this version' })).toBeInTheDocument();
  });

  it('shows a refusal of the service in words beside the text, not JSON', async () => {
    const user = userEvent.setup();
    renderThread(analyst, null);
    const box = await screen.findByRole('textbox', { name: 'Feedback on this version' });
    await user.type(box, 'This is far too long for the limit');
    await user.click(screen.getByRole('button', { name: 'Add feedback' }));
    expect(await screen.findByText('feedback is at most 20 characters here')).toBeInTheDocument();
    expect(box).toHaveAccessibleDescription('feedback is at most 20 characters here');
    expect(screen.getByText('The request is not valid')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('{');
  });

  it('has no form for a role that may not comment', async () => {
    stored = [comment({})];
    renderThread(reader, 'route-cost-cutoff');
    expect(await screen.findByText('Frankfurt is at capacity on Mondays.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add feedback' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});

describe('groupByRule', () => {
  it('puts the rule set as a whole first and keeps the newest-first order', () => {
    const groups = groupByRule([comment({ id: '1', ruleId: 'x' }), comment({ id: '2', ruleId: null }), comment({ id: '3', ruleId: 'x' })]);
    expect(groups.map((g) => [g.ruleId, g.comments.map((c) => c.id)])).toEqual([[null, ['2']], ['x', ['1', '3']]]);
  });
});
