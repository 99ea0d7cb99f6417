import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import { AuthProvider } from '../../../lib/auth';
import type { Me, RuleProblem, RuleSet, RuleSetDocument } from '../../../lib/types';
import type { ExpressionInput } from '../lib/completions';
import { RuleSetEditor } from '../components/RuleSetEditor';

export const planner: Me = { name: 'Pia Planner', role: 'planner', permissions: { authorRules: true, readRules: true, comment: true } };
export const analyst: Me = { name: 'Ann Analyst', role: 'analyst', permissions: { authorRules: false, readRules: true, comment: true } };

export function vipDocument(): RuleSetDocument {
  return {
    segment: 'vip',
    name: 'VIP members',
    entitlements: { consumeSafetyStock: true, consumeHolds: true },
    rules: [
      {
        kind: 'hold', id: 'vip-hold', name: 'Ring-fence A items', condition: 'context.BurnRateRatio >= 1.5',
        forSegment: 'vip', forCustomerTiers: ['gold', 'platinum'], share: 0.15, scope: { velocityClasses: ['A'] },
      },
      { kind: 'routing', id: 'route-fastest', name: 'Fastest node', weights: { transitDays: 5, cost: 0.3 } },
    ],
  };
}

export function ruleSet(patch: Partial<RuleSet> = {}): RuleSet {
  return {
    id: 'vip-v4', segment: 'vip', version: 4, status: 'draft', active: false, name: 'VIP members', revision: 3,
    author: 'Pia Planner', createdAt: '2026-11-26T09:00:00Z', updatedAt: '2026-11-26T10:00:00Z', updatedBy: 'Pia Planner', basedOn: 'vip-v3',
    publishedAt: null, publishedBy: null, publishComment: null, effectiveFrom: null, archivedAt: null, archivedBy: null,
    document: vipDocument(), problems: null, ...patch,
  };
}

export const inForce = ruleSet({ id: 'vip-v3', version: 3, status: 'published', active: true, document: null, publishedAt: '2026-11-20T08:00:00Z', publishedBy: 'Pia Planner' });

export const vocabulary: ExpressionInput[] = [
  { name: 'item', description: 'The item being decided', properties: [
    { name: 'Sku', type: 'text', description: 'The SKU' },
    { name: 'Category', type: 'text', description: 'Category in master data' },
  ] },
  { name: 'context', description: 'The moment of the decision', properties: [{ name: 'BurnRateRatio', type: 'number', description: "Today's burn rate over the usual" }] },
];

export const shareTooHigh: RuleProblem = { pointer: '/rules/0/share', code: 'maximum', message: 'Share must be at most 1.', severity: 'error' };

function EditorAtRoute() {
  const { id = '' } = useParams();
  return <RuleSetEditor ruleSetId={id} renderFeedback={(ruleId) => <p>Feedback slot for {ruleId ?? 'the version'}</p>} renderSimulate={() => <p>Simulate slot</p>} />;
}

export function renderEditor(me: Me, path = '/rulesets/vip-v4') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: '/rulesets/:id', element: <EditorAtRoute /> },
      { path: '*', element: <p>Somewhere else</p> },
    ],
    { initialEntries: [path] },
  );
  const view = render(
    <QueryClientProvider client={client}>
      <AuthProvider initial={me}><RouterProvider router={router} /></AuthProvider>
    </QueryClientProvider>,
  );
  return { ...view, router, client };
}
