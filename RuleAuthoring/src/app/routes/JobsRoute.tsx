import { lazy, Suspense } from 'react';
import { Loading } from '../../components/Loading';

const JobsPage = lazy(() => import('../../features/jobs/components/JobsPage').then((m) => ({ default: m.JobsPage })));

/** /jobs-status — background jobs and their progress (the Hangfire dashboard itself is the server's /jobs). */
export function JobsRoute() {
  return <Suspense fallback={<Loading what="the jobs" />}><JobsPage /></Suspense>;
}
