import type { Comparison, ExperimentResults } from '../api/results';

/** Numbers of the results in the words a planner reads: shares as percentages, differences of shares as points. */

const minus = '\u2212';

function fixed(n: number, digits: number): string {
  return Math.abs(n).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Rounds first, so that −0.04 reads "0.0" and never "−0.0". */
function signed(n: number, digits: number, plus: boolean): string {
  const text = fixed(n, digits);
  if (Number(text.replace(/,/g, '')) === 0) return text;
  return n < 0 ? `${minus}${text}` : plus ? `+${text}` : text;
}

/** 0.931 → "93.1%". */
export function share(value: number | null | undefined): string {
  return value == null ? 'no data' : `${signed(value * 100, 1, false)}%`;
}

/** 12.5 → "12.50": the service does not say which currency, so none is named. */
export function money(value: number | null | undefined): string {
  return value == null ? 'no data' : signed(value, 2, false);
}

/** A value of a metric in its unit. */
export function metricValue(unit: Comparison['unit'], value: number | null | undefined): string {
  return unit === 'currency' ? money(value) : share(value);
}

/** Variant minus control: 0.021 → "+2.1 points" for shares, 0.5 → "+0.50" for money. */
export function difference(c: Pick<Comparison, 'unit' | 'difference'>): string {
  if (c.difference == null) return 'no data';
  return c.unit === 'currency' ? signed(c.difference, 2, true) : `${signed(c.difference * 100, 1, true)} points`;
}

/** "95% CI 1.4 to 2.8 points": "to" rather than a dash, which would read as a minus next to a negative bound. */
export function interval(c: Pick<Comparison, 'unit' | 'ciLow' | 'ciHigh'>, confidenceLevel: number): string {
  if (c.ciLow == null || c.ciHigh == null) return '';
  const level = `${Math.round(confidenceLevel * 100)}% CI`;
  return c.unit === 'currency'
    ? `${level} ${signed(c.ciLow, 2, false)} to ${signed(c.ciHigh, 2, false)}`
    : `${level} ${signed(c.ciLow * 100, 1, false)} to ${signed(c.ciHigh * 100, 1, false)} points`;
}

/** The interval holds both a loss and a gain (or exactly no change): the data cannot tell the arms apart. */
export function crossesZero(c: Pick<Comparison, 'ciLow' | 'ciHigh'>): boolean {
  return c.ciLow != null && c.ciHigh != null && c.ciLow <= 0 && c.ciHigh >= 0;
}

export type Verdict = 'variant' | 'control' | 'none' | 'no-data';

/** Which arm is better, only when the difference is significant; a lower split or backorder rate is better. */
export function verdict(c: Pick<Comparison, 'difference' | 'significant' | 'higherIsBetter'>): Verdict {
  if (c.difference == null) return 'no-data';
  if (!c.significant || c.difference === 0) return 'none';
  return c.difference > 0 === c.higherIsBetter ? 'variant' : 'control';
}

export const verdictWords: Record<Verdict, string> = {
  variant: 'Variant better',
  control: 'Control better',
  none: 'No clear difference',
  'no-data': 'No data',
};

/** One sentence per test the service named, so that the reader knows what "significant" rests on. */
export function testSentence(test: string, metrics: string[], confidenceLevel: number): string {
  const alpha = Math.round((1 - confidenceLevel) * 1000) / 10;
  const which = metrics.length ? ` (${metrics.join(', ').toLowerCase()})` : '';
  const how = /paired/i.test(test)
    ? 'it looks at the difference each order makes under the two versions, so differences between orders cancel out'
    : /bootstrap/i.test(test)
      ? 'it resamples the orders many times to see how much the difference moves by chance'
      : 'it checks whether the gap between the two groups of orders is larger than chance would make it';
  return `Test${which}: ${test}; ${how}. “Significant” means a difference this large would happen by chance less than ${alpha}% of the time.`;
}

/** The design in one sentence: paired replay or independent live split. */
export function designSentence(results: Pick<ExperimentResults, 'design' | 'orders'>): string {
  const orders = results.orders.toLocaleString('en-GB');
  return results.design === 'paired'
    ? `Paired replay: the same ${orders} logged orders were decided again under both versions, so each order is compared with itself and no real order was affected.`
    : `Independent live split: each of the ${orders} orders was decided by one version only (chosen by a hash of its id), so the two arms are different orders and the intervals are wider.`;
}

/** An amount of a metric without sign: "7.9 percentage points" for shares, "1.28" for money. */
function amount(unit: Comparison['unit'], n: number, long: boolean): string {
  if (unit === 'currency') return fixed(n, 2);
  return `${fixed(n * 100, 1)} ${long ? 'percentage points' : 'points'}`;
}

function direction(n: number): string {
  return n > 0 ? 'higher' : 'lower';
}

/**
 * The comparison in plain words, from the numbers alone, for a reader who is no statistician:
 * "79.7% with the variant (v2) against 87.6% with the control (v1): 7.9 percentage points lower. With 95%
 * confidence the true difference is between 5.7 and 10.2 points lower. Significant (unlikely to be chance):
 * the control is better on this." Both arms' values are named, so that "points" is never read as units or
 * as a relative change; the interval is said in the same direction as the difference, never as bare
 * negative numbers; and "significant" is said to mean "not chance", not "large". Null when there is no
 * difference to tell (the service's own sentence says why).
 */
export function plainSentence(c: Comparison, armVersions: { control?: number; variant?: number }, confidenceLevel: number): string | null {
  if (c.difference == null || c.control == null || c.variant == null) return null;
  const variantName = `the variant${armVersions.variant != null ? ` (v${armVersions.variant})` : ''}`;
  const controlName = `the control${armVersions.control != null ? ` (v${armVersions.control})` : ''}`;
  const values = `${metricValue(c.unit, c.variant)} with ${variantName} against ${metricValue(c.unit, c.control)} with ${controlName}`;
  const shown = Number(difference(c).replace(/[^\d.]/g, ''));
  const gap = shown === 0 ? 'no difference at this precision' : `${amount(c.unit, c.difference, true)} ${direction(c.difference)}`;
  const parts = [`${values}: ${gap}.`];
  const zeroWide = c.ciLow != null && c.ciHigh != null && difference({ unit: c.unit, difference: c.ciLow }) === difference({ unit: c.unit, difference: c.ciHigh })
    && shown === 0;
  if (zeroWide) {
    parts.push('Every order in both arms came out alike on this, so there is nothing to test.');
  } else if (c.ciLow != null && c.ciHigh != null) {
    const level = `${Math.round(confidenceLevel * 100)}%`;
    const range = c.ciLow >= 0 || c.ciHigh <= 0
      ? `between ${fixed(Math.min(Math.abs(c.ciLow), Math.abs(c.ciHigh)) * (c.unit === 'currency' ? 1 : 100), c.unit === 'currency' ? 2 : 1)} and ${amount(c.unit, Math.max(Math.abs(c.ciLow), Math.abs(c.ciHigh)), false)} ${direction(c.ciLow >= 0 ? 1 : -1)}`
      : `anywhere between ${amount(c.unit, c.ciLow, false)} lower and ${amount(c.unit, c.ciHigh, false)} higher`;
    parts.push(`With ${level} confidence the true difference is ${range}.`);
  }
  const v = verdict(c);
  if (zeroWide) return parts.join(' ');
  parts.push(v === 'variant' || v === 'control'
    ? `Significant (unlikely to be chance): the ${v} is better on this.`
    : 'Not significant: this could be chance, so the versions cannot be told apart on this.');
  return parts.join(' ');
}

/**
 * An arm's interval within what the metric can be: a rate between 0% and 100%, a cost not below 0. With few
 * orders the normal (or t) interval can reach past those bounds, and "−0.59 per order" reads as a refund.
 */
export function armBounds(unit: Comparison['unit'], low: number, high: number): [number, number] {
  return unit === 'currency' ? [Math.max(0, low), high] : [Math.max(0, low), Math.min(1, high)];
}
