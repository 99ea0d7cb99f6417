import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, request } from '../../../lib/api';

export type ExperimentStatus = 'draft' | 'running' | 'stopped';
export type ReplayStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type AssignmentKey = 'order' | 'customer';

export interface ArmVersion {
  ruleSetId: string;
  version: number;
}

export interface Replay {
  id: string;
  status: ReplayStatus;
  from: string;
  to: string;
  done: number;
  total: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  message: string | null;
  /** The experiment-replay job's run (GET /v1/jobs/runs/{runId}); null while queued. */
  runId: string | null;
}

/** docs/issue6-contract.md, "Experiments". */
export interface Experiment {
  id: string;
  name: string;
  segment: string;
  control: ArmVersion;
  variant: ArmVersion;
  /** Share of the segment's orders sent to the variant, (0, 1]. */
  trafficShare: number;
  window: { from: string; to: string };
  assignmentKey: AssignmentKey;
  status: ExperimentStatus;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  stoppedAt: string | null;
  replay: Replay | null;
}

export interface CreateExperiment {
  name: string;
  segment: string;
  controlRuleSetId: string;
  variantRuleSetId: string;
  trafficShare: number;
  window: { from: string; to: string };
  assignmentKey: AssignmentKey;
}

/** How often a running replay is asked for its progress. */
export const replayPollMs = 1000;

export function replayActive(replay: Replay | null | undefined): boolean {
  return replay?.status === 'queued' || replay?.status === 'running';
}

export function useExperiments(filter: { segment: string; status: string }) {
  const query = new URLSearchParams();
  if (filter.segment) query.set('segment', filter.segment);
  if (filter.status) query.set('status', filter.status);
  const search = query.toString();
  return useQuery({
    queryKey: ['experiments', 'list', filter.segment, filter.status],
    queryFn: async ({ signal }) => (await get<{ items: Experiment[] }>(`/v1/experiments${search ? `?${search}` : ''}`, signal)).items,
    // The list shows replay progress bars; they move only while someone asks.
    refetchInterval: (q) => (q.state.data?.some((e) => replayActive(e.replay)) ? replayPollMs * 2 : false),
  });
}

/** One experiment; asked every second while its replay is queued or running, and no more once it ends. */
export function useExperiment(id: string) {
  return useQuery({
    queryKey: ['experiments', 'one', id],
    queryFn: ({ signal }) => get<Experiment>(`/v1/experiments/${encodeURIComponent(id)}`, signal),
    refetchInterval: (q) => (replayActive(q.state.data?.replay) ? replayPollMs : false),
  });
}

/** Keeps the experiment just answered by the service, so that the page shows it without asking again. */
function useKeep() {
  const queryClient = useQueryClient();
  return (experiment: Experiment) => {
    queryClient.setQueryData(['experiments', 'one', experiment.id], experiment);
    void queryClient.invalidateQueries({ queryKey: ['experiments', 'list'] });
  };
}

export function useCreateExperiment() {
  const keep = useKeep();
  return useMutation({
    mutationFn: async (body: CreateExperiment) => (await request<Experiment>('/v1/experiments', { method: 'POST', body })).data,
    onSuccess: keep,
  });
}

/** Start (draft → running) or stop (running → stopped) the live split. */
export function useExperimentState(id: string) {
  const keep = useKeep();
  return useMutation({
    mutationFn: async (action: 'start' | 'stop') =>
      (await request<Experiment>(`/v1/experiments/${encodeURIComponent(id)}/${action}`, { method: 'POST' })).data,
    onSuccess: keep,
  });
}

/** Queues a replay of the segment's logged decisions in [from, to) under both versions. */
export function useReplay(id: string) {
  const keep = useKeep();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (range: { from: string; to: string }) =>
      (await request<Experiment>(`/v1/experiments/${encodeURIComponent(id)}/replay`, { method: 'POST', body: range })).data,
    onSuccess: (experiment) => {
      keep(experiment);
      void queryClient.removeQueries({ queryKey: ['experiments', 'results', id, 'replay'] });
    },
  });
}
