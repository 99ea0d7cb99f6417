import { buildExperiment, formFieldOf, isoToLocal, localToIso, type ExperimentForm } from '../api/form';

const valid: ExperimentForm = {
  name: ' VIP hold ', segment: 'vip', control: 'vip-v3', variant: 'vip-v5', sharePercent: '20',
  from: '2026-11-20T00:00', to: '2026-12-04T00:00', assignmentKey: 'customer',
};

describe('the experiment form', () => {
  // Node reads TZ again whenever it changes.
  afterEach(() => { vi.unstubAllEnvs(); });

  it('sends local times with the offset of that instant (summer and winter differ)', () => {
    vi.stubEnv('TZ', 'Europe/Paris');
    expect(localToIso('2026-11-20T09:30')).toBe('2026-11-20T09:30:00+01:00');
    expect(localToIso('2026-07-01T09:30')).toBe('2026-07-01T09:30:00+02:00');
    expect(isoToLocal('2026-11-20T08:30:00Z')).toBe('2026-11-20T09:30');
    vi.stubEnv('TZ', 'America/St_Johns');
    expect(localToIso('2026-11-20T09:30')).toBe('2026-11-20T09:30:00-03:30');
    expect(localToIso('not a date')).toBeNull();
  });

  it('turns a valid form into the body of POST /v1/experiments', () => {
    vi.stubEnv('TZ', 'UTC');
    expect(buildExperiment(valid)).toEqual({
      errors: {},
      body: {
        name: 'VIP hold', segment: 'vip', controlRuleSetId: 'vip-v3', variantRuleSetId: 'vip-v5', trafficShare: 0.2,
        window: { from: '2026-11-20T00:00:00+00:00', to: '2026-12-04T00:00:00+00:00' }, assignmentKey: 'customer',
      },
    });
    expect(buildExperiment({ ...valid, sharePercent: '33.3' }).body?.trafficShare).toBe(0.333);
    expect(buildExperiment({ ...valid, sharePercent: '100' }).body?.trafficShare).toBe(1);
  });

  it.each([['0'], ['-5'], ['100.1'], [''], ['abc']])('refuses a share of %j', (sharePercent) =>
    expect(buildExperiment({ ...valid, sharePercent }).errors.sharePercent).toHaveLength(1));

  it('places the service’s field names on the form', () => {
    expect(formFieldOf('controlRuleSetId')).toBe('control');
    expect(formFieldOf('VariantRuleSetId')).toBe('variant');
    expect(formFieldOf('trafficShare')).toBe('sharePercent');
    expect(formFieldOf('window.from')).toBe('from');
    expect(formFieldOf('/window/to')).toBe('to');
    expect(formFieldOf('$.window')).toBe('window');
    expect(formFieldOf('owner')).toBeNull();
  });
});
