import { useQuery } from '@tanstack/react-query';
import { get } from '../../../lib/api';
import type { ReplayStatus } from './experiments';

export type ResultsSource = 'replay' | 'live';

export interface Estimate {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Orders the metric counts (promise attainment only those with a requested date). */
  orders: number;
}

export interface ArmResults {
  arm: 'control' | 'variant';
  ruleSetId: string;
  version: number;
  orders: number;
  metrics: Record<string, Estimate | undefined>;
}

/** Variant minus control for one metric, with its interval and test. */
export interface Comparison {
  metric: string;
  label: string;
  unit: 'share' | 'currency';
  higherIsBetter: boolean;
  control: number | null;
  variant: number | null;
  difference: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
  significant: boolean;
  test: string;
  summary: string;
}

/** GET /v1/experiments/{id}/results?source= (docs/issue6-contract.md). */
export interface ExperimentResults {
  experimentId: string;
  source: ResultsSource;
  orders: number;
  confidenceLevel: number;
  design: 'paired' | 'independent';
  arms: ArmResults[];
  comparisons: Comparison[];
  /** The replay the numbers come from; null for live results. */
  replayId: string | null;
  replayStatus: ReplayStatus | null;
}

/**
 * The results of one source. `asOf` (the replay's finish) is part of the key, so that a new replay never shows
 * the numbers of the one before.
 */
export function useResults(id: string, source: ResultsSource, asOf: string | null, options: { enabled: boolean; refreshMs?: number }) {
  return useQuery({
    queryKey: ['experiments', 'results', id, source, asOf],
    queryFn: ({ signal }) => get<ExperimentResults>(`/v1/experiments/${encodeURIComponent(id)}/results?source=${source}`, signal),
    enabled: options.enabled,
    refetchInterval: options.refreshMs ?? false,
  });
}
