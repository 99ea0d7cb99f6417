import type { SimulationAnswer } from '../api/simulate';
import { chosenNodes, compareSimulations, exclusionsOf, figureLabel, formatFigure, lineOutcome, stepLabel, totalsSentence, traceRows } from '../components/traceText';
import { draftAnswer } from './fixtures';

describe('trace formatting', () => {
  it('labels steps and figures in words', () => {
    expect(stepLabel('excluded')).toBe('Node excluded');
    expect(stepLabel('rule_failed')).toBe('Rule failed');
    expect(stepLabel('some_new_step')).toBe('Some new step');
    expect(figureLabel('transitDays')).toBe('transit days');
    expect(figureLabel('distanceKm')).toBe('distance (km)');
    expect(formatFigure(2.547056049876093)).toBe('2.55');
    expect(formatFigure(12000)).toBe('12,000');
    expect(formatFigure(null)).toBe('—');
  });

  it('numbers the steps and keeps rule, node, line and figures', () => {
    const rows = traceRows(draftAnswer.trace);
    expect(rows).toHaveLength(draftAnswer.trace.length);
    const allocated = rows.find((r) => r.step === 'allocated')!;
    expect(allocated).toMatchObject({ label: 'Allocated', ruleId: 'route-cost-cutoff', node: 'DC-HAMBURG', lineId: '1' });
    expect(allocated.figures).toContainEqual({ label: 'distance (km)', value: expect.stringMatching(/^\d/) });
    expect(rows[0]).toMatchObject({ index: 1, label: 'Rule set', figures: [] });
  });

  it('finds the chosen nodes with their units and lines', () => {
    expect(chosenNodes(draftAnswer)).toEqual([{ node: 'DC-HAMBURG', quantity: 8, lines: ['1', '2'] }]);
  });

  it('groups exclusions by node with the reason, the rule and the lines', () => {
    const x = exclusionsOf(draftAnswer.trace);
    expect(x.map((e) => e.node)).toContain('DC-ZURICH');
    expect(x.find((e) => e.node === 'DC-ZURICH')!.reasons).toEqual([{ reason: 'not in the ship-to country', ruleId: 'ne-domestic', lines: ['1', '2'] }]);
    const stuttgart = x.find((e) => e.node === 'ST-STUTTGART-01')!;
    expect(stuttgart.reasons.map((r) => [r.reason, r.lines])).toEqual([
      ['store does not ship online orders', ['1']],
      ['SKU-000456 is quarantined here pending an anomaly review', ['2']],
    ]);
  });

  it('tells a line and the totals in one phrase', () => {
    expect(lineOutcome(draftAnswer.lines[0]!)).toBe('2 from DC-HAMBURG');
    expect(lineOutcome({ ...draftAnswer.lines[0]!, allocations: [], backordered: 2, substitutions: [{ sku: 'SKU-9', node: 'DC-X', quantity: 1, promiseDate: '' }] }))
      .toBe('substituted 1 × SKU-9 from DC-X; 2 backordered');
    expect(totalsSentence(draftAnswer)).toBe('8 of 8 allocated, 1 shipment');
  });

  it('compares two answers line by line', () => {
    const inForce: SimulationAnswer = {
      ...draftAnswer,
      ruleSet: { ...draftAnswer.ruleSet, id: 'ecommerce-v1', version: 1 },
      lines: [
        draftAnswer.lines[0]!,
        { ...draftAnswer.lines[1]!, allocations: [{ sku: 'SKU-000456', node: 'DC-FRANKFURT', quantity: 6, promiseDate: '2026-11-28T15:00:00Z' }] },
      ],
      totals: { ...draftAnswer.totals, shipments: 2 },
    };
    const cmp = compareSimulations(draftAnswer, inForce);
    expect(cmp.lines.map((l) => l.differs)).toEqual([false, true]);
    expect(cmp.lines[1]).toMatchObject({ draft: '6 from DC-HAMBURG', inForce: '6 from DC-FRANKFURT' });
    expect(cmp.chosen).toEqual({ draft: ['DC-HAMBURG'], inForce: ['DC-HAMBURG', 'DC-FRANKFURT'], differs: true });
    expect(cmp.totals.filter((t) => t.differs).map((t) => t.label)).toEqual(['Shipments']);
    expect(cmp.differences).toBe(3);
    expect(compareSimulations(draftAnswer, draftAnswer).differences).toBe(0);
  });
});
