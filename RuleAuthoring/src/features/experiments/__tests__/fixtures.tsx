import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation, type RouteObject } from 'react-router';
import { AuthProvider } from '../../../lib/auth';
import type { Me, RuleSet } from '../../../lib/types';
import type { Experiment } from '../api/experiments';
import type { Comparison, ExperimentResults } from '../api/results';

const permissions = { authorRules: false, readRules: true, comment: true };
export const analyst: Me = { name: 'Ann Analyst', role: 'analyst', permissions };
export const planner: Me = { name: 'Pat Planner', role: 'planner', permissions: { ...permissions, authorRules: true } };
export const operator: Me = { name: 'Olu Operator', role: 'operator', permissions };

export function ruleSet(segment: string, version: number, patch: Partial<RuleSet> = {}): RuleSet {
  return {
    id: `${segment}-v${version}`, segment, version, status: 'published', active: false, name: `${segment} ${version}`, revision: 1,
    author: 'pat', createdAt: `2026-10-0${version}T10:00:00Z`, updatedAt: `2026-10-0${version}T10:00:00Z`, updatedBy: 'pat', basedOn: null,
    publishedAt: `2026-10-0${version}T11:00:00Z`, publishedBy: 'pat', publishComment: null, effectiveFrom: null, archivedAt: null,
    archivedBy: null, document: null, problems: null, ...patch,
  };
}

export const ruleSets: RuleSet[] = [
  ruleSet('vip', 2, { status: 'archived' }),
  ruleSet('vip', 3, { active: true }),
  ruleSet('vip', 4, { status: 'draft', publishedAt: null }),
  ruleSet('vip', 5, { status: 'archived' }),
  ruleSet('retail', 1, { active: true }),
];

export function experiment(patch: Partial<Experiment> = {}): Experiment {
  return {
    id: 'exp-1', name: 'VIP hold 30% vs 20%', segment: 'vip',
    control: { ruleSetId: 'vip-v3', version: 3 }, variant: { ruleSetId: 'vip-v5', version: 5 },
    trafficShare: 0.2, window: { from: '2026-11-20T00:00:00Z', to: '2026-12-04T00:00:00Z' }, assignmentKey: 'order',
    status: 'draft', createdBy: 'ann', createdAt: '2026-11-18T09:00:00Z', startedAt: null, stoppedAt: null, replay: null,
    ...patch,
  };
}

function comparison(patch: Partial<Comparison> & Pick<Comparison, 'metric' | 'label'>): Comparison {
  return {
    unit: 'share', higherIsBetter: true, control: null, variant: null, difference: null, ciLow: null, ciHigh: null,
    pValue: null, significant: false, test: 'paired z-test on per-order differences', summary: '', ...patch,
  };
}

/** A replay of 1,200 orders: fill better (significant), splits no clearer, cost lower, promise dates unknown. */
export const replayResults: ExperimentResults = {
  experimentId: 'exp-1', source: 'replay', orders: 1200, confidenceLevel: 0.95, design: 'paired', replayId: 'rpl-1', replayStatus: 'succeeded',
  arms: [
    {
      arm: 'control', ruleSetId: 'vip-v3', version: 3, orders: 1200,
      metrics: {
        unitFillRate: { value: 0.931, ciLow: 0.925, ciHigh: 0.937, orders: 1200 },
        splitRate: { value: 0.12, ciLow: 0.11, ciHigh: 0.13, orders: 1200 },
        fulfilmentCost: { value: 12.5, ciLow: 12.1, ciHigh: 12.9, orders: 1200 },
        promiseAttainment: { value: null, ciLow: null, ciHigh: null, orders: 0 },
      },
    },
    {
      arm: 'variant', ruleSetId: 'vip-v5', version: 5, orders: 1200,
      metrics: {
        unitFillRate: { value: 0.952, ciLow: 0.947, ciHigh: 0.957, orders: 1200 },
        splitRate: { value: 0.124, ciLow: 0.114, ciHigh: 0.134, orders: 1200 },
        fulfilmentCost: { value: 11.75, ciLow: 11.4, ciHigh: 12.1, orders: 1200 },
        promiseAttainment: { value: null, ciLow: null, ciHigh: null, orders: 0 },
      },
    },
  ],
  comparisons: [
    comparison({
      metric: 'unitFillRate', label: 'Unit fill rate', control: 0.931, variant: 0.952, difference: 0.021, ciLow: 0.014, ciHigh: 0.028,
      pValue: 0.0003, significant: true, test: 'paired z-test on per-order differences (delta method for the ratio)',
      summary: 'Variant fills 2.1 points more units (95% CI 1.4 to 2.8), significant.',
    }),
    comparison({
      metric: 'splitRate', label: 'Split rate', higherIsBetter: false, control: 0.12, variant: 0.124, difference: 0.004, ciLow: -0.003, ciHigh: 0.011,
      pValue: 0.26, significant: false, summary: 'Variant splits 0.4 points more orders (95% CI -0.3 to 1.1), not significant.',
    }),
    comparison({
      metric: 'fulfilmentCost', label: 'Fulfilment cost per order', unit: 'currency', higherIsBetter: false, control: 12.5, variant: 11.75,
      difference: -0.75, ciLow: -1.1, ciHigh: -0.4, pValue: 0.00002, significant: true, test: 'paired z-test on per-order differences (delta method for the ratio)',
      summary: 'Variant costs 0.75 less per order (95% CI 0.40 to 1.10), significant.',
    }),
    comparison({
      metric: 'promiseAttainment', label: 'Promise-date attainment',
      summary: 'No data: no order had a requested date, so promise-date attainment cannot be compared.',
    }),
  ],
};

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname}{location.search}</p>;
}

/** The routes under test beside a catch-all that shows where the app went. */
export function renderAt(me: Me, path: string, routes: RouteObject[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([...routes, { path: '*', element: <Where /> }], { initialEntries: [path] });
  const view = render(
    <QueryClientProvider client={client}>
      <AuthProvider initial={me}><RouterProvider router={router} /></AuthProvider>
    </QueryClientProvider>,
  );
  return { ...view, router, client };
}
