import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PgliteDatabase } from '#database';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import { canonicalJson, SignalFrameworkStore } from './framework-store.js';
import { INDICATOR_KEYS, parseFrameworkDefinition, SIGNAL_KEYS } from './framework.js';
import { INDICATORS, INDICATORS_BY_KEY } from './indicators/index.js';
import { addMonths, defaultWindow, overlapMonths, periodsOf, previousWindow } from './signal-periods.js';

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('signal framework definitions', () => {
  it('the default framework is valid and uses every indicator once, but those added after its release', () => {
    expect(parseFrameworkDefinition(DEFAULT_FRAMEWORK.definition)).toEqual(DEFAULT_FRAMEWORK.definition);
    const used = SIGNAL_KEYS.flatMap((key) => DEFAULT_FRAMEWORK.definition.signals[key].indicators.map((i) => i.key));
    // A released framework version never changes: a later indicator is taken up by a new version.
    const addedLater = ['cancellationsUncontested', 'decisionsCoDecided', 'instrumentScore'];
    expect([...used, ...addedLater].sort()).toEqual([...INDICATOR_KEYS].sort());
    // Each indicator sits in its home signal in the default.
    for (const key of SIGNAL_KEYS) {
      for (const { key: indicator } of DEFAULT_FRAMEWORK.definition.signals[key].indicators) {
        expect(INDICATORS_BY_KEY.get(indicator)!.home).toBe(key);
      }
    }
    expect(INDICATORS).toHaveLength(INDICATOR_KEYS.length);
  });

  it('refuses a bad definition, listing every problem with its path', () => {
    const bad = {
      ...DEFAULT_FRAMEWORK.definition,
      defaultWindowMonths: 0,
      extra: true,
      parameters: { ...DEFAULT_FRAMEWORK.definition.parameters, trustBarrierCodes: ['not_a_code'] },
      signals: {
        ...DEFAULT_FRAMEWORK.definition.signals,
        trust: {
          indicators: [
            { key: 'reach', weight: 1 },
            { key: 'charisma', weight: 1 },
          ],
          warnBelow: 2,
          warnDropBy: null,
        },
      },
    };
    let error: unknown;
    try {
      parseFrameworkDefinition(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ category: 'invalid', reason: 'INVALID_SIGNAL_FRAMEWORK' });
    const message = (error as Error).message;
    for (const path of [
      'defaultWindowMonths',
      'parameters.trustBarrierCodes.0',
      'signals.trust.indicators.1.key: unknown indicator "charisma"',
      'parameters.trustBarrierCodes.0: unknown barrier code "not_a_code"',
      'signals.trust.warnBelow',
      'extra',
    ]) {
      expect(message).toContain(path);
    }
    const twice = {
      ...DEFAULT_FRAMEWORK.definition,
      signals: {
        ...DEFAULT_FRAMEWORK.definition.signals,
        trust: {
          indicators: [
            { key: 'reach', weight: 0 },
            { key: 'reach', weight: 0 },
          ],
          warnBelow: null,
          warnDropBy: null,
        },
      },
    };
    expect(() => parseFrameworkDefinition(twice)).toThrow(
      /signals\.trust\.indicators\.1\.key: indicator reach is listed twice; signals\.trust\.indicators: at least one indicator needs a weight above 0/,
    );
    expect(() => parseFrameworkDefinition('not json object')).toThrow(/Invalid signal framework/);
  });
});

describe('signal framework store', () => {
  let database: PgliteDatabase;
  let store: SignalFrameworkStore;
  beforeAll(async () => {
    database = await PgliteDatabase.open();
    store = new SignalFrameworkStore(database);
    await store.prepare();
    await store.prepare();
  });
  afterAll(async () => {
    await database.close();
  });

  it('holds the default after prepare, once', async () => {
    const list = await store.list();
    expect(list.map((f) => `${f.id}@${f.version}`)).toEqual(['default@1']);
    expect(list[0]!.definition).toEqual(DEFAULT_FRAMEWORK.definition);
  });

  it('registers immutable versions: same definition is a no-op, another one a conflict', async () => {
    const definition = { ...DEFAULT_FRAMEWORK.definition, name: 'North' };
    const first = await store.register('north', 1, definition, 'admin-1');
    expect(first).toMatchObject({ created: true, framework: { id: 'north', version: 1, registeredBy: 'admin-1' } });
    const again = await store.register('north', 1, JSON.parse(JSON.stringify(definition)), 'admin-2');
    expect(again).toMatchObject({ created: false, framework: { registeredBy: 'admin-1' } });
    await expect(store.register('north', 1, { ...definition, name: 'Other' }, 'admin-1')).rejects.toMatchObject({
      category: 'conflict',
      reason: 'SIGNAL_FRAMEWORK_VERSION_EXISTS',
    });
    await expect(store.register('bad id!', 1, definition, 'a')).rejects.toMatchObject({ category: 'invalid' });
    await expect(store.register('north', 0, definition, 'a')).rejects.toMatchObject({ category: 'invalid' });
    expect((await store.get('north', 1))!.definition).toEqual(definition);
    expect(await store.get('north', 2)).toBeNull();
  });

  it('compares definitions whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe(canonicalJson({ a: [{ x: 1, y: 2 }], b: 1 }));
  });
});

describe('windows and calendar periods (UTC)', () => {
  it('splits a window into calendar months or quarters, clipping the ends', () => {
    expect(periodsOf({ from: d('2025-01-15'), to: d('2025-03-10') }, 'MONTH')).toEqual([
      { from: d('2025-01-15'), to: d('2025-02-01') },
      { from: d('2025-02-01'), to: d('2025-03-01') },
      { from: d('2025-03-01'), to: d('2025-03-10') },
    ]);
    expect(periodsOf({ from: d('2025-02-01'), to: d('2025-08-01') }, 'QUARTER')).toEqual([
      { from: d('2025-02-01'), to: d('2025-04-01') },
      { from: d('2025-04-01'), to: d('2025-07-01') },
      { from: d('2025-07-01'), to: d('2025-08-01') },
    ]);
  });

  it('counts months of overlap as shares of calendar months', () => {
    // All of March, inside a pilot from January for 12 months.
    expect(overlapMonths({ from: d('2025-03-01'), to: d('2025-04-01') }, d('2025-01-01'), d('2026-01-01'))).toBe(1);
    // 1–16 June is 15 of June's 30 days.
    expect(overlapMonths({ from: d('2025-06-01'), to: d('2025-06-16') }, d('2025-01-01'), d('2026-01-01'))).toBe(0.5);
    // The pilot ends on 1 July: a window of July–September overlaps nothing.
    expect(overlapMonths({ from: d('2025-07-01'), to: d('2025-10-01') }, d('2025-01-01'), d('2025-07-01'))).toBe(0);
  });

  it('derives default and previous windows', () => {
    expect(defaultWindow(new Date('2025-03-15T10:00:00Z'), 3)).toEqual({ from: d('2025-01-01'), to: d('2025-04-01') });
    expect(previousWindow({ from: d('2025-03-01'), to: d('2025-04-01') })).toEqual({
      from: d('2025-02-01'),
      to: d('2025-03-01'),
    });
    expect(previousWindow({ from: d('2025-03-10'), to: d('2025-03-20') })).toEqual({
      from: d('2025-02-28'),
      to: d('2025-03-10'),
    });
    expect(addMonths(d('2025-01-31'), 1)).toEqual(d('2025-02-28'));
  });
});
