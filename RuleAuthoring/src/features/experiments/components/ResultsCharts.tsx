import type { ReactNode } from 'react';
import {
  Bar, BarChart, CartesianGrid, Cell, ErrorBar, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { Estimate, ExperimentResults } from '../api/results';
import { armBounds, money, verdict, type Verdict } from './reading';

const colours = { control: '#8a94a6', variant: '#2f5bea', axis: '#4f586a', zero: '#1d2330' };
const tones: Record<Verdict, string> = { variant: '#166534', control: '#c62828', none: '#6b7385', 'no-data': '#6b7385' };

/**
 * The three charts of the results. Each is one picture with a label naming the table above, which holds the
 * same numbers as text; the charts themselves take no keyboard focus.
 */
export function ResultsCharts({ results }: { results: ExperimentResults }) {
  const control = results.arms.find((a) => a.arm === 'control');
  const variant = results.arms.find((a) => a.arm === 'variant');
  if (!control || !variant) return null;
  const shares = results.comparisons.filter((c) => c.unit === 'share');
  const cost = results.comparisons.find((c) => c.metric === 'fulfilmentCost');
  const controlName = `Control v${control.version}`;
  const variantName = `Variant v${variant.version}`;

  const armRows = shares
    .map((c) => ({
      label: c.label,
      control: percent(control.metrics[c.metric]?.value),
      controlErr: errors(control.metrics[c.metric], 100),
      variant: percent(variant.metrics[c.metric]?.value),
      variantErr: errors(variant.metrics[c.metric], 100),
    }))
    .filter((r) => r.control !== undefined || r.variant !== undefined);

  const forestRows = shares
    .filter((c) => c.difference != null)
    .map((c) => ({
      label: c.label,
      diff: round(c.difference! * 100),
      err: c.ciLow != null && c.ciHigh != null ? [round((c.difference! - c.ciLow) * 100), round((c.ciHigh - c.difference!) * 100)] : [0, 0],
      tone: tones[verdict(c)],
    }));
  const reach = Math.max(0.5, ...shares.flatMap((c) => [c.ciLow, c.ciHigh, c.difference]).filter((n): n is number => n != null).map((n) => Math.abs(n * 100)));
  const forestTicks = symmetricTicks(reach);
  const bound = forestTicks[forestTicks.length - 1]!;

  const costRows = cost
    ? [
      { arm: controlName, cost: control.metrics[cost.metric]?.value ?? undefined, err: errors(control.metrics[cost.metric], 1), fill: colours.control },
      { arm: variantName, cost: variant.metrics[cost.metric]?.value ?? undefined, err: errors(variant.metrics[cost.metric], 1), fill: colours.variant },
    ].filter((r) => r.cost !== undefined)
    : [];

  const barHeight = 70 + armRows.length * 52;
  const forestHeight = 80 + forestRows.length * 40;
  return (
    <div className="exp-charts">
      {armRows.length > 0 && (
        <Chart title="Rates per arm" height={barHeight}
          alt={`Bar chart of ${armRows.length} rates for ${controlName} and ${variantName}, with their confidence intervals as whiskers. The numbers are in the table “Per metric”.`}
          note="Each bar is a rate; the whisker is its confidence interval.">
          <BarChart data={armRows} layout="vertical" margin={{ top: 5, right: 24, bottom: 5, left: 5 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 100]} unit="%" stroke={colours.axis} />
            <YAxis type="category" dataKey="label" width={170} stroke={colours.axis} />
            <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} />
            <Legend />
            <Bar dataKey="control" name={controlName} fill={colours.control} isAnimationActive={false}>
              <ErrorBar dataKey="controlErr" width={4} stroke={colours.zero} direction="x" isAnimationActive={false} />
            </Bar>
            <Bar dataKey="variant" name={variantName} fill={colours.variant} isAnimationActive={false}>
              <ErrorBar dataKey="variantErr" width={4} stroke={colours.zero} direction="x" isAnimationActive={false} />
            </Bar>
          </BarChart>
        </Chart>
      )}

      {forestRows.length > 0 && (
        <Chart title="Differences, variant minus control (points)" height={forestHeight}
          alt={`Differences of ${forestRows.length} rates with their confidence intervals against a line at zero. The numbers are in the table “Per metric”.`}
          note={<>Dot: the difference; line: its confidence interval. A line that crosses zero (the dark vertical line) means no clear difference.
            <span className="exp-key"><i style={{ background: tones.variant }} /> variant better <i style={{ background: tones.control }} /> control better <i style={{ background: tones.none }} /> not significant</span></>}>
          <ScatterChart margin={{ top: 24, right: 24, bottom: 10, left: 5 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" dataKey="diff" domain={[-bound, bound]} ticks={forestTicks} unit=" pts" stroke={colours.axis} />
            {/* Reversed: the first metric on top, as in the table. */}
            <YAxis type="category" dataKey="label" width={170} stroke={colours.axis} allowDuplicatedCategory={false} reversed />
            <ReferenceLine x={0} stroke={colours.zero} strokeWidth={2} label={{ value: 'no difference', position: 'top', fill: colours.zero, fontSize: 12 }} />
            <Tooltip formatter={(v, name) => (name === 'diff' ? `${Number(v).toFixed(1)} points` : String(v))} />
            <Scatter data={forestRows} name="Difference" isAnimationActive={false}>
              {forestRows.map((r) => <Cell key={r.label} fill={r.tone} />)}
              <ErrorBar dataKey="err" width={6} stroke={colours.axis} strokeWidth={2} direction="x" isAnimationActive={false} />
            </Scatter>
          </ScatterChart>
        </Chart>
      )}

      {cost && costRows.length > 0 && (
        <Chart title="Fulfilment cost per order" height={260}
          alt={`Bar chart of the fulfilment cost per order: ${costRows.map((r) => `${r.arm} ${money(r.cost)}`).join(', ')}. The numbers are in the table “Per metric”.`}
          note={cost.higherIsBetter ? 'Higher is better.' : 'Lower is better: a shorter bar costs less per order.'}>
          <BarChart data={costRows} margin={{ top: 10, right: 24, bottom: 5, left: 5 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="arm" stroke={colours.axis} />
            <YAxis stroke={colours.axis} tickFormatter={(v: number) => v.toFixed(2)} width={64} />
            <Tooltip formatter={(v) => money(Number(v))} />
            <Bar dataKey="cost" name="Cost per order" isAnimationActive={false}>
              {costRows.map((r) => <Cell key={r.arm} fill={r.fill} />)}
              <ErrorBar dataKey="err" width={8} stroke={colours.zero} direction="y" isAnimationActive={false} />
            </Bar>
          </BarChart>
        </Chart>
      )}
    </div>
  );
}

function Chart({ title, alt, note, height, children }: { title: string; alt: string; note: ReactNode; height: number; children: ReactNode }) {
  return (
    <figure className="card exp-chart">
      <h4>{title}</h4>
      <div role="img" aria-label={alt} className="exp-chart-canvas">
        {/* initialDimension draws a first frame before the container is measured (and in tests, where nothing is). */}
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
          {children}
        </ResponsiveContainer>
      </div>
      <figcaption className="muted">{note}</figcaption>
    </figure>
  );
}

function percent(value: number | null | undefined): number | undefined {
  return value == null ? undefined : round(value * 100);
}

/** Recharts' whiskers are distances below and above the value, not the bounds themselves. */
function errors(e: Estimate | undefined, scale: number): [number, number] {
  if (!e || e.value == null || e.ciLow == null || e.ciHigh == null) return [0, 0];
  const [low, high] = armBounds(scale === 100 ? 'share' : 'currency', e.ciLow, e.ciHigh);
  return [round((e.value - low) * scale), round((high - e.value) * scale)];
}

/** Ticks from −bound to +bound through zero in a round step, bound just past the widest interval. */
export function symmetricTicks(reach: number): number[] {
  const step = reach <= 2 ? 0.5 : reach <= 5 ? 1 : reach <= 10 ? 2 : reach <= 25 ? 5 : 10;
  const bound = Math.ceil((reach * 1.05) / step) * step;
  const ticks: number[] = [];
  for (let t = -bound; t <= bound + step / 2; t += step) ticks.push(round(t));
  return ticks;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
