import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, request } from '../../../lib/api';

export type RunStatus = 'running' | 'succeeded' | 'failed';

/** One run of a job (docs/issue6-contract.md, "Jobs"). */
export interface JobRun {
  runId: string;
  job: string;
  occurrence: string;
  /** What the run was for (the replay id of an experiment-replay run); null for a scheduled run. */
  argument: string | null;
  status: RunStatus;
  attempts: number;
  startedAt: string;
  finishedAt: string | null;
  heartbeatAt: string;
  progress: { done: number; total: number | null };
  /** Job-specific counters, numbers only; empty when the job counts nothing. */
  summary: Record<string, number>;
  /** The first lines of what the run did. */
  report: string[];
  message: string | null;
}

export interface Job {
  name: string;
  title: string;
  kind: 'recurring' | 'triggered';
  schedule: string | null;
  nextRunAt: string | null;
  lastRun: JobRun | null;
}

export interface Triggered {
  job: string;
  hangfireJobId: string;
}

/** How often the list is asked again while a run is running (or one was just asked for). */
export const jobsPollMs = 2000;

/** All jobs with their last run; asked again every two seconds while `poll` says so. */
export function useJobs(poll: (jobs: Job[] | undefined) => boolean) {
  return useQuery({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => get<Job[]>('/v1/jobs', signal),
    refetchInterval: (q) => (poll(q.state.data) ? jobsPollMs : false),
  });
}

export function anyRunning(jobs: Job[] | undefined): boolean {
  return jobs?.some((j) => j.lastRun?.status === 'running') ?? false;
}

export function useTriggerJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => (await request<Triggered>(`/v1/jobs/${encodeURIComponent(name)}/trigger`, { method: 'POST' })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
