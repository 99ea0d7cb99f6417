import { request } from '../../../lib/api';

/** Where the service serves the Hangfire dashboard: a server page outside this tool. */
export const dashboardPath = '/jobs';

/**
 * The dashboard is a server page and cannot send X-Api-Key: POST /v1/session trades the key (sent as on every
 * call) for an HttpOnly cookie, which fetch keeps under its default credentials mode, same-origin.
 */
export async function openSession(): Promise<void> {
  await request<null>('/v1/session', { method: 'POST' });
}

/** A full page load, not the router: the dashboard is not part of this app. */
export function leaveFor(href: string): void {
  window.location.assign(href);
}
