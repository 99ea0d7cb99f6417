import { useMutation, useQuery } from '@tanstack/react-query';
import { get, request } from '../../../lib/api';
import type { RuleSet } from '../../../lib/types';
import type { OrderBody } from './order';

/** One step of the decision: which rule (if any) did what, for which line and node, with the figures it used. */
export interface TraceStep {
  step: string;
  ruleId: string | null;
  lineId: string | null;
  node: string | null;
  message: string;
  figures: Record<string, number | null> | null;
}

export interface SimulatedAllocation {
  sku: string;
  node: string;
  quantity: number;
  promiseDate: string;
  floor?: number;
}

export interface SimulatedLine {
  lineId: string;
  sku: string;
  requested: number;
  allocations: SimulatedAllocation[];
  backordered: number;
  rejected: number;
  substitutions: SimulatedAllocation[];
  /** Left out when nothing is backordered. */
  backorderPromiseDate?: string | null;
}

export interface SimulationTotals {
  requested: number;
  allocated: number;
  substituted: number;
  backordered: number;
  rejected: number;
  shipments: number;
  cost: number;
}

/** POST /v1/rulesets/{id}/simulate: the decision under that version, against today's positions; nothing reserved. */
export interface SimulationAnswer {
  ruleSet: { id: string; segment: string; version: number; status: string };
  lines: SimulatedLine[];
  totals: SimulationTotals;
  explanation: string[];
  trace: TraceStep[];
}

export function simulate(ruleSetId: string, body: OrderBody, signal?: AbortSignal): Promise<SimulationAnswer> {
  return request<SimulationAnswer>(`/v1/rulesets/${encodeURIComponent(ruleSetId)}/simulate`, { method: 'POST', body, signal })
    .then((r) => r.data);
}

/** The version simulated (for its segment and label). */
export function useSimulatedRuleSet(ruleSetId: string) {
  return useQuery({
    queryKey: ['simulate', 'ruleset', ruleSetId],
    queryFn: ({ signal }) => get<RuleSet>(`/v1/rulesets/${encodeURIComponent(ruleSetId)}`, signal),
  });
}

/** The version in force for a segment, or null when nothing is published. */
export function useVersionInForce(segment: string | undefined) {
  return useQuery({
    queryKey: ['rulesets', 'in-force', segment],
    enabled: segment !== undefined,
    queryFn: async ({ signal }) => {
      const list = await get<RuleSet[]>(`/v1/rulesets?segment=${encodeURIComponent(segment!)}&status=published`, signal);
      return list.find((r) => r.active) ?? null;
    },
  });
}

export interface SimulationRun {
  body: OrderBody;
  ruleSetId: string;
  /** The version in force to compare with, when asked. */
  compareWith: string | null;
  /** Cancels both requests (the planner's "Cancel"). */
  signal?: AbortSignal;
}

export interface SimulationOutcome {
  answer: SimulationAnswer;
  /** Under the version in force; an error there does not hide the draft's answer. */
  inForce: { answer: SimulationAnswer } | { error: unknown } | null;
}

/** Runs the order under the version and, if asked, under the version in force too, side by side. */
export function useSimulation() {
  return useMutation({
    mutationFn: async ({ body, ruleSetId, compareWith, signal }: SimulationRun): Promise<SimulationOutcome> => {
      const other = compareWith
        ? simulate(compareWith, body, signal).then((answer) => ({ answer }), (error: unknown) => ({ error }))
        : Promise.resolve(null);
      const [answer, inForce] = await Promise.all([simulate(ruleSetId, body, signal), other]);
      // A cancelled run never shows the other version's answer (nor its abort as an error).
      signal?.throwIfAborted();
      return { answer, inForce };
    },
  });
}
