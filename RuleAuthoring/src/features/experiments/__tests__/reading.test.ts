import { crossesZero, difference, interval, money, share, testSentence, verdict } from '../components/reading';

describe('reading the results', () => {
  it('writes shares with one decimal and money with two', () => {
    expect(share(0.931)).toBe('93.1%');
    expect(share(1)).toBe('100.0%');
    expect(share(null)).toBe('no data');
    expect(money(12.5)).toBe('12.50');
    expect(money(1234.567)).toBe('1,234.57');
  });

  it('writes differences of shares in points, signed, never "−0.0"', () => {
    expect(difference({ unit: 'share', difference: 0.021 })).toBe('+2.1 points');
    expect(difference({ unit: 'share', difference: -0.0042 })).toBe('−0.4 points');
    expect(difference({ unit: 'share', difference: -0.0004 })).toBe('0.0 points');
    expect(difference({ unit: 'currency', difference: -0.75 })).toBe('−0.75');
    expect(difference({ unit: 'share', difference: null })).toBe('no data');
  });

  it('writes the interval with "to", so a negative bound is not read as a range dash', () => {
    expect(interval({ unit: 'share', ciLow: 0.014, ciHigh: 0.028 }, 0.95)).toBe('95% CI 1.4 to 2.8 points');
    expect(interval({ unit: 'share', ciLow: -0.003, ciHigh: 0.011 }, 0.9)).toBe('90% CI −0.3 to 1.1 points');
    expect(interval({ unit: 'currency', ciLow: -1.1, ciHigh: -0.4 }, 0.95)).toBe('95% CI −1.10 to −0.40');
  });

  it('tells an interval that crosses zero', () => {
    expect(crossesZero({ ciLow: -0.003, ciHigh: 0.011 })).toBe(true);
    expect(crossesZero({ ciLow: 0, ciHigh: 0.011 })).toBe(true);
    expect(crossesZero({ ciLow: 0.014, ciHigh: 0.028 })).toBe(false);
    expect(crossesZero({ ciLow: null, ciHigh: null })).toBe(false);
  });

  it('names the better arm only when the difference is significant, lower being better where it is', () => {
    expect(verdict({ difference: 0.021, significant: true, higherIsBetter: true })).toBe('variant');
    expect(verdict({ difference: 0.021, significant: true, higherIsBetter: false })).toBe('control');
    expect(verdict({ difference: -0.75, significant: true, higherIsBetter: false })).toBe('variant');
    expect(verdict({ difference: 0.004, significant: false, higherIsBetter: false })).toBe('none');
    expect(verdict({ difference: null, significant: false, higherIsBetter: true })).toBe('no-data');
  });

  it('explains the test and what "significant" rests on', () => {
    expect(testSentence('paired t-test on per-order differences', [], 0.95)).toBe(
      'Test: paired t-test on per-order differences; it looks at the difference each order makes under the two versions, so differences between orders cancel out. “Significant” means a difference this large would happen by chance less than 5% of the time.');
    expect(testSentence('two-proportion z-test', ['Unit fill rate'], 0.99)).toContain('Test (unit fill rate): two-proportion z-test; it checks whether');
    expect(testSentence('two-proportion z-test', [], 0.99)).toContain('less than 1% of the time');
  });
});

describe('the forest plot’s axis', () => {
  it('is symmetric around zero in round steps, just past the widest interval', async () => {
    const { symmetricTicks } = await import('../components/ResultsCharts');
    expect(symmetricTicks(2.8)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(symmetricTicks(0.5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(symmetricTicks(12)).toEqual([-15, -10, -5, 0, 5, 10, 15]);
  });
});

describe('plain words for odd intervals', () => {
  it('says a zero-wide interval plainly and keeps an arm’s interval inside what the metric can be', async () => {
    const { plainSentence, armBounds } = await import('../components/reading');
    const same = {
      metric: 'splitRate', label: 'Split rate', unit: 'share' as const, higherIsBetter: false, control: 0, variant: 0, difference: 0,
      ciLow: 0, ciHigh: 0, pValue: 1, significant: false, test: 'two-proportion z-test', summary: '',
    };
    expect(plainSentence(same, { control: 1, variant: 2 }, 0.95)).toBe(
      '0.0% with the variant (v2) against 0.0% with the control (v1): no difference at this precision. Every order in both arms came out alike on this, so there is nothing to test.');
    expect(armBounds('currency', -0.59, 6.77)).toEqual([0, 6.77]);
    expect(armBounds('share', -0.02, 1.03)).toEqual([0, 1]);
  });
});
