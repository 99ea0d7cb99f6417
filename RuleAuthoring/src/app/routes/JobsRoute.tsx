import { JobsPage } from '../../features/jobs/components/JobsPage';

/** /jobs-status — background jobs and their progress (the Hangfire dashboard itself is the server's /jobs). */
export function JobsRoute() {
  return <JobsPage />;
}
