import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../experiments/registry';
import type { ExperimentDef, ParamSpec } from '../experiments/types';
import { decodeLink, encodeFragment, encodeLink } from './link';
import { checkParam, MAX_SEED, type RunConfig } from './runConfig';
import LZString from 'lz-string';

function valueArb(p: ParamSpec): fc.Arbitrary<number> {
  if (p.integer) return fc.integer({ min: Math.ceil(p.min), max: Math.floor(p.max) });
  return fc.double({ min: p.min, max: p.max, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
}

function configArb(def: ExperimentDef): fc.Arbitrary<RunConfig> {
  const params = fc.record(Object.fromEntries(def.params.map((p) => [p.key, valueArb(p)])) as Record<string, fc.Arbitrary<number>>);
  const live = def.params.filter((p) => p.live);
  const event = fc.integer({ min: 0, max: live.length - 1 }).chain((i) =>
    fc.record({ step: fc.integer({ min: 1, max: 10_000_000 }), key: fc.constant(live[i].key), value: valueArb(live[i]) }),
  );
  return fc.record({
    experiment: fc.constant(def.id),
    seed: fc.integer({ min: 0, max: MAX_SEED }),
    params,
    events: fc.array(event, { maxLength: 30 }).map((evs) => [...evs].sort((a, b) => a.step - b.step)),
  });
}

/** Every returned config must be safe to build: known experiment, all params in range. */
function assertSafe(c: RunConfig): void {
  const def = EXPERIMENTS.find((e) => e.id === c.experiment);
  expect(def).toBeDefined();
  for (const p of def!.params) expect(checkParam(p, c.params[p.key])).toBeNull();
  expect(Number.isInteger(c.seed) && c.seed >= 0 && c.seed <= MAX_SEED).toBe(true);
}

const wrap = (obj: unknown) => '#c=' + LZString.compressToEncodedURIComponent(JSON.stringify(obj));

describe('links', () => {
  for (const def of EXPERIMENTS) {
    it(`round-trip encode → decode is exact for random valid ${def.id} configurations`, () => {
      fc.assert(
        fc.property(configArb(def), (cfg) => {
          const viaFragment = decodeLink(encodeFragment(cfg));
          expect(viaFragment.messages).toEqual([]);
          expect(viaFragment.config).toEqual(cfg);
          const viaUrl = decodeLink(encodeLink(cfg, 'https://example.org/lab/index.html?x=1#old'));
          expect(viaUrl.config).toEqual(cfg);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('random garbage never throws and always yields a safe config with a message', () => {
    const garbage = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: fc.constantFrom(...'ABCabc0129+-$=#&?c'.split('')), maxLength: 400 }).map((s) => '#c=' + s),
      fc.jsonValue().map(wrap),
      fc.record({ v: fc.jsonValue(), e: fc.jsonValue(), s: fc.jsonValue(), p: fc.jsonValue(), ev: fc.jsonValue() }).map(wrap),
    );
    fc.assert(
      fc.property(garbage, (text) => {
        const r = decodeLink(text);
        assertSafe(r.config);
        const empty = text.slice(text.indexOf('#') + 1).trim() === '';
        if (!empty && r.messages.length === 0) {
          // Only genuinely valid configurations may pass silently.
          expect(r.config.experiment).toBeTruthy();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects truncated links, wrong versions, unknown experiments and huge links with a message', () => {
    const good = encodeFragment({ experiment: 'balanced-ei', seed: 3, params: Object.fromEntries(EXPERIMENTS[0].params.map((p) => [p.key, p.default])), events: [] });
    for (const bad of [
      good.slice(0, good.length - 9),
      wrap({ v: 5, e: 'balanced-ei', s: 1 }),
      wrap({ v: 2, e: 'no-such-lab', s: 1 }),
      wrap({ v: 2, e: 'balanced-ei', s: -4 }),
      wrap({ v: 2, e: 'balanced-ei', s: 1, p: { v_th_mV: 'NaN' } }),
      '#c=' + 'A'.repeat(200_000),
      '#x=1',
    ]) {
      const r = decodeLink(bad);
      expect(r.messages.length).toBeGreaterThan(0);
      expect(r.messages.join(' ')).toMatch(/default|unknown|malformed|version|truncated|too long|no run settings|not contain/i);
      assertSafe(r.config);
    }
  });

  it('names out-of-range and unknown keys, uses defaults, and drops invalid recorded changes', () => {
    const r = decodeLink(wrap({ v: 2, e: 'balanced-ei', s: 9, p: { v_th_mV: 500, n_neurons: 2.5, zzz: 1, el_mV: -55 }, ev: [[10, 'n_neurons', 200], [20, 'v_th_mV', -45], [5, 'v_th_mV', 999]] }));
    const text = r.messages.join('\n');
    expect(text).toContain('v_th_mV');
    expect(text).toContain('n_neurons');
    expect(text).toContain('zzz');
    expect(text).toMatch(/Dropped 2/);
    expect(r.config.params.v_th_mV).toBe(-50);
    expect(r.config.params.n_neurons).toBe(1000);
    expect(r.config.params.el_mV).toBe(-55);
    expect(r.config.seed).toBe(9);
    expect(r.config.events).toEqual([{ step: 20, key: 'v_th_mV', value: -45 }]);
  });

  it('an empty fragment opens the default experiment silently', () => {
    expect(decodeLink('').messages).toEqual([]);
    expect(decodeLink('https://x.org/#').messages).toEqual([]);
  });
});

describe('link format versions', () => {
  const pack = (o: unknown) => '#c=' + LZString.compressToEncodedURIComponent(JSON.stringify(o));

  it('a version-1 link opens with its experiment, parameters, seed and timeline, and says its spikes differ', () => {
    const r = decodeLink(pack({ v: 1, e: 'balanced-ei', s: 42, p: { v_th_mV: -48 }, ev: [[1200, 'w_inh_mV', -5], [3400, 'el_mV', -52]] }));
    expect(r.config.experiment).toBe('balanced-ei');
    expect(r.config.seed).toBe(42);
    expect(r.config.params.v_th_mV).toBe(-48);
    expect(r.config.events).toEqual([{ step: 1200, key: 'w_inh_mV', value: -5 }, { step: 3400, key: 'el_mV', value: -52 }]);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/earlier version.*link format 1.*spikes and fingerprint differ/);
  });

  it('a link of the current version opens silently, and links are written in the current version', () => {
    const r = decodeLink(pack({ v: 2, e: 'balanced-ei', s: 42 }));
    expect(r.messages).toEqual([]);
    const frag = encodeFragment({ experiment: 'balanced-ei', seed: 1, params: {}, events: [] });
    expect(JSON.parse(LZString.decompressFromEncodedURIComponent(frag.replace(/^#?c=/, ''))!).v).toBe(4);
  });

  it('an unknown future version is refused with a message naming both versions', () => {
    const r = decodeLink(pack({ v: 5, e: 'balanced-ei', s: 42 }));
    expect(r.config.experiment).toBe('balanced-ei');
    expect(r.messages[0]).toMatch(/Unsupported link version 5 \(this app reads version 4\)/);
  });
});

describe('parameters added in link format 3', () => {
  it('an older link gets the value its run used, a format-3 link the default; a bad value in an old link falls back to the old value', () => {
    const packed = (o: object) => '#c=' + LZString.compressToEncodedURIComponent(JSON.stringify(o));
    expect(decodeLink(packed({ v: 1, e: 'balanced-ei', s: 1 })).config.params.precision).toBe(1);
    expect(decodeLink(packed({ v: 2, e: 'fokker-planck', s: 1 })).config.params.precision).toBe(1);
    expect(decodeLink(packed({ v: 3, e: 'fokker-planck', s: 1 })).config.params.precision).toBe(0);
    // A format-2 link that names the key anyway (it could not have): its value is checked as usual.
    expect(decodeLink(packed({ v: 2, e: 'balanced-ei', s: 1, p: { precision: 0 } })).config.params.precision).toBe(0);
    const bad = decodeLink(packed({ v: 2, e: 'balanced-ei', s: 1, p: { precision: 7 } }));
    expect(bad.config.params.precision).toBe(1);
    expect(bad.messages).toEqual([expect.stringMatching(/precision = 7 is outside \[0, 1\]; using 1, which links of format 2 ran with\./)]);
  });
});
