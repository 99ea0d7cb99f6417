/**
 * A cron expression in words where that needs no time zone ("every 15 minutes", "every hour at :05");
 * otherwise null, and the screen shows the expression with the next run in local time beside it.
 */
export function scheduleWords(cron: string | null): string | null {
  if (!cron) return null;
  let parts = cron.trim().split(/\s+/);
  // Six fields: Hangfire's cron with seconds first ("*/10 * * * * *" for reservation expiry).
  if (parts.length === 6) {
    const [second, ...rest] = parts as [string, ...string[]];
    const everySeconds = /^\*\/(\d+)$/.exec(second);
    if (rest.every((p) => p === '*')) return everySeconds ? `every ${everySeconds[1]} seconds` : second === '*' ? 'every second' : null;
    if (second !== '0') return null;
    parts = rest;
  }
  if (parts.length !== 5) return null;
  const [minute, hour, day, month, weekday] = parts as [string, string, string, string, string];
  if (day !== '*' || month !== '*' || weekday !== '*') return null;
  if (hour === '*' && minute === '*') return 'every minute';
  const every = /^\*\/(\d+)$/.exec(minute);
  if (hour === '*' && every) return every[1] === '1' ? 'every minute' : `every ${every[1]} minutes`;
  if (hour === '*' && /^\d+$/.test(minute)) return Number(minute) === 0 ? 'every hour' : `every hour at :${minute.padStart(2, '0')}`;
  const everyHours = /^\*\/(\d+)$/.exec(hour);
  if (everyHours && /^\d+$/.test(minute)) return `every ${everyHours[1]} hours`;
  return null;
}
