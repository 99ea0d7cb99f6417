import { scheduleWords } from '../components/schedule';

describe('scheduleWords', () => {
  it.each([
    ['*/15 * * * *', 'every 15 minutes'],
    ['* * * * *', 'every minute'],
    ['*/1 * * * *', 'every minute'],
    ['0 * * * *', 'every hour'],
    ['5 * * * *', 'every hour at :05'],
    ['0 */6 * * *', 'every 6 hours'],
    // Hangfire's six fields, seconds first.
    ['*/10 * * * * *', 'every 10 seconds'],
    ['* * * * * *', 'every second'],
    ['0 */5 * * * *', 'every 5 minutes'],
  ])('reads %s as "%s"', (cron, words) => expect(scheduleWords(cron)).toBe(words));

  it.each(['0 3 * * *', '0 3 * * 1', '0 0 1 * *', '30 */5 * * * *', 'nonsense', ''])('leaves %j to the expression and the next run (its clock is the server’s)', (cron) =>
    expect(scheduleWords(cron)).toBeNull());
});
