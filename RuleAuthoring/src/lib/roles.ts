/**
 * What a role may change in the analysts' and operators' screens (docs/issue6-contract.md). The service
 * refuses the same calls; the tool only hides the buttons a role could not use.
 */
export function mayRunExperiments(role: string): boolean {
  return role === 'analyst' || role === 'admin';
}

/** Triggering jobs and opening the Hangfire dashboard; every role of the tool may read job progress. */
export function mayRunJobs(role: string): boolean {
  return role === 'operator' || role === 'admin';
}
