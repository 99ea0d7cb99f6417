/** Dates as planners read them: "26 Nov 2026, 16:40" in the browser's own time zone. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "v3" for published versions; drafts read "draft" plus the version they will become. */
export function versionLabel(ruleSet: { version: number; status: string }): string {
  return ruleSet.status === 'draft' ? `draft v${ruleSet.version}` : `v${ruleSet.version}`;
}
