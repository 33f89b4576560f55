/**
 * Property tests of shareable links (complements link.test.ts). For every registered experiment:
 *  - random valid configurations (any seed in [0, 2^32 − 1], every parameter in range and whole
 *    where required, sorted live events, equal steps included) survive encode → decode exactly;
 *  - whatever text comes in, decodeLink() never throws and returns a configuration that passes the
 *    schema (known experiment, every parameter present and in range, only valid live events,
 *    sorted), with a message whenever the input was not a clean link;
 *  - a bad value falls back to its default with a message that names the key, and keeps the rest.
 */
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS, findExperiment } from '../experiments/registry';
import type { ExperimentDef, ParamSpec } from '../experiments/types';
import { decodeLink, encodeFragment, encodeLink, MAX_JSON_CHARS, MAX_LINK_CHARS } from './link';
import { checkParam, CONFIG_VERSION, MAX_EVENTS, MAX_SEED, type ParamEvent, type RunConfig } from './runConfig';
import { defaultView } from './viewConfig';

const MAX_STEP = 1e10; // the wire format's limit for an event step

const wholeOnly = (p: ParamSpec): boolean => Boolean(p.integer || p.options);

/** A valid value of one parameter (−0 is normalised: JSON has no negative zero). */
function valueArb(p: ParamSpec): fc.Arbitrary<number> {
  if (wholeOnly(p)) return fc.integer({ min: Math.ceil(p.min), max: Math.floor(p.max) });
  return fc
    .oneof(
      fc.double({ min: p.min, max: p.max, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(p.min, p.max, p.default),
    )
    .map((x) => (Object.is(x, -0) ? 0 : x));
}

function configArb(def: ExperimentDef): fc.Arbitrary<RunConfig> {
  const params = fc.record(Object.fromEntries(def.params.map((p) => [p.key, valueArb(p)])) as Record<string, fc.Arbitrary<number>>);
  const live = def.params.filter((p) => p.live);
  const step = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: MAX_STEP, noNaN: true }).map(Math.floor));
  const event: fc.Arbitrary<ParamEvent> =
    live.length === 0
      ? fc.constant(null as never)
      : fc.constantFrom(...live).chain((spec) => fc.record({ step, key: fc.constant(spec.key), value: valueArb(spec) }));
  const events = live.length === 0
    ? fc.constant([] as ParamEvent[])
    // Stable sort by step: the order within a step is part of the configuration.
    : fc.array(event, { maxLength: 25 }).map((evs) => evs.map((e, i) => ({ e, i })).sort((a, b) => a.e.step - b.e.step || a.i - b.i).map((x) => x.e));
  return fc.record({ experiment: fc.constant(def.id), seed: fc.integer({ min: 0, max: MAX_SEED }), params, events });
}

const anyConfigArb = fc.constantFrom(...EXPERIMENTS).chain(configArb);

/** Throws unless `c` is a configuration the engine may build as it is. */
function expectSchemaValid(c: RunConfig): void {
  const def = findExperiment(c.experiment);
  expect(def, `experiment ${c.experiment}`).toBeDefined();
  expect(Number.isInteger(c.seed) && c.seed >= 0 && c.seed <= MAX_SEED, `seed ${c.seed}`).toBe(true);
  expect(Object.keys(c.params).sort()).toEqual(def!.params.map((p) => p.key).sort());
  for (const p of def!.params) expect(checkParam(p, c.params[p.key]), p.key).toBeNull();
  expect(c.events.length).toBeLessThanOrEqual(MAX_EVENTS);
  let last = 0;
  for (const e of c.events) {
    const spec = def!.params.find((p) => p.key === e.key);
    expect(spec?.live, `event key ${e.key}`).toBe(true);
    expect(checkParam(spec!, e.value)).toBeNull();
    expect(Number.isInteger(e.step) && e.step >= last && e.step <= MAX_STEP).toBe(true);
    last = e.step;
  }
}

const wireOf = (c: RunConfig) => ({
  v: CONFIG_VERSION, e: c.experiment, s: c.seed, p: { ...c.params },
  ...(c.events.length ? { ev: c.events.map((e) => [e.step, e.key, e.value]) } : {}),
});
const pack = (jsonText: string) => '#c=' + LZString.compressToEncodedURIComponent(jsonText);
const packObj = (obj: unknown) => pack(JSON.stringify(obj));

/** True when the part of `text` that decodeLink reads is blank (the only silent default). */
const blank = (text: string) => text.slice(text.indexOf('#') + 1).trim() === '';

describe('link round trip (all registered experiments)', () => {
  it('encodeFragment → decodeLink returns the same configuration and no message', () => {
    fc.assert(
      fc.property(anyConfigArb, (cfg) => {
        const r = decodeLink(encodeFragment(cfg));
        expect(r.messages).toEqual([]);
        expect(r.config).toEqual(cfg);
        expectSchemaValid(r.config);
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it('a full URL (query, old fragment) and the bare payload decode the same', () => {
    fc.assert(
      fc.property(anyConfigArb, (cfg) => {
        const url = encodeLink(cfg, 'https://lab.example/play/?demo=1#c=stale');
        expect(url.startsWith('https://lab.example/play/?demo=1#c=')).toBe(true);
        expect(decodeLink(url)).toEqual({ config: cfg, view: defaultView(), messages: [] });
        const bare = encodeFragment(cfg).slice(2);
        expect(decodeLink(bare)).toEqual({ config: cfg, view: defaultView(), messages: [] });
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('decodeLink on bad input never throws and always gives a buildable configuration', () => {
  const uriAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'.split('');
  const wrongType = fc.oneof(fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

  /** Inputs that are never a clean link (unless blank): each must give a message. */
  const garbage = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }), // any UTF-16, lone surrogates included
    fc.string({ unit: fc.constantFrom(...uriAlphabet), minLength: 1, maxLength: 600 }).map((s) => '#c=' + s),
    fc.string({ unit: fc.constantFrom(...uriAlphabet), minLength: 1, maxLength: 600 }), // bare payload
    fc.string({ unit: fc.constantFrom(...'%#&=?c+ 0aZ'.split('')), minLength: 1, maxLength: 80 }),
    fc.jsonValue({ maxDepth: 3 }).map(packObj),
  );

  /** Wire-shaped objects, each field either right or of a wrong type: some are valid links. */
  const wireish = fc.record({
    v: fc.oneof(fc.constant(1), wrongType),
    e: fc.oneof(fc.constantFrom(...EXPERIMENTS.map((e) => e.id)), wrongType),
    s: fc.oneof(fc.integer({ min: 0, max: 100 }), wrongType, fc.constantFrom(-1, 1.5, MAX_SEED + 1)),
    p: fc.oneof(fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.double(), wrongType), { maxKeys: 4 }), wrongType),
    ev: fc.oneof(fc.array(fc.tuple(fc.oneof(fc.integer(), wrongType), fc.oneof(fc.string(), wrongType), fc.oneof(fc.double(), wrongType)), { maxLength: 3 }), wrongType),
  }, { requiredKeys: [] });

  it('random strings, payloads and JSON values: a message unless the input is blank', () => {
    fc.assert(
      fc.property(garbage, (text) => {
        let r: ReturnType<typeof decodeLink> | undefined;
        expect(() => { r = decodeLink(text); }).not.toThrow();
        expectSchemaValid(r!.config);
        if (blank(text)) expect(r!.messages).toEqual([]);
        else expect(r!.messages.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500, seed: 99 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('wire-shaped objects with random field types: never throws, always a buildable configuration', () => {
    fc.assert(
      fc.property(wireish, (obj) => {
        let r: ReturnType<typeof decodeLink> | undefined;
        expect(() => { r = decodeLink(packObj(obj)); }).not.toThrow();
        expectSchemaValid(r!.config);
        // Silence only for a clean wire object: then the decoded seed and experiment are the given ones.
        if (r!.messages.length === 0) {
          expect(r!.config.experiment).toBe(obj.e);
          expect(r!.config.seed).toBe(obj.s);
        }
      }),
      { numRuns: 1000, seed: 98 },
    );
  });

  it('wire-shaped objects with a wrong type always produce a message', () => {
    const bad = fc.oneof(
      fc.record({ v: fc.constant(1), e: wrongType, s: fc.constant(1) }),
      fc.record({ v: fc.constant(1), e: fc.constant('balanced-ei'), s: wrongType }),
      fc.record({ v: fc.constant(1), e: fc.constant('balanced-ei'), s: fc.constant(1), p: fc.oneof(wrongType.filter((x) => x !== null && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length > 0 && Object.values(x).some((y) => typeof y !== 'number')), fc.constant({ v_th_mV: '-50' })) }),
      fc.record({ v: fc.constant(1), e: fc.constant('balanced-ei'), s: fc.constant(1), ev: fc.constant([[1, 'v_th_mV', 'x']]) }),
    );
    fc.assert(
      fc.property(bad, (obj) => {
        const r = decodeLink(packObj(obj));
        expect(r.messages.length).toBeGreaterThan(0);
        expectSchemaValid(r.config);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('a truncated valid link is either reported or decodes to exactly the original', () => {
    // Dropping only trailing padding bits can leave a complete stream, so silence is allowed
    // exactly when nothing was lost.
    fc.assert(
      fc.property(anyConfigArb, fc.double({ min: 0, max: 1, noNaN: true }), (cfg, frac) => {
        const frag = encodeFragment(cfg);
        const cut = 1 + Math.floor(frac * (frag.length - 2)); // keep 1 … length − 1 characters
        const r = decodeLink('#' + frag.slice(0, cut));
        expectSchemaValid(r.config);
        if (r.messages.length === 0) expect(r.config).toEqual(cfg);
      }),
      { numRuns: 400, seed: 3 },
    );
  });

  it('every prefix of one link: never throws, always valid', () => {
    const cfg = { ...configForFirst(), events: [{ step: 5, key: firstLiveKey(), value: EXPERIMENTS[0].params.find((p) => p.live)!.default }] };
    const frag = encodeFragment(cfg);
    let silent = 0;
    for (let cut = 0; cut < frag.length; cut++) {
      const r = decodeLink('#' + frag.slice(0, cut));
      expectSchemaValid(r.config);
      if (r.messages.length === 0 && cut > 0) {
        // LZ-string's last character can carry only padding bits, so dropping it may still decode
        // the whole configuration; any shorter prefix must be reported.
        expect(r.config).toEqual(cfg);
        expect(cut).toBeGreaterThanOrEqual(frag.length - 2);
        silent++;
      }
    }
    expect(silent).toBeLessThanOrEqual(2);
  });
});

function configForFirst(): RunConfig {
  const def = EXPERIMENTS[0];
  return { experiment: def.id, seed: 42, params: Object.fromEntries(def.params.map((p) => [p.key, p.default])), events: [] };
}
function firstLiveKey(): string {
  return EXPERIMENTS[0].params.find((p) => p.live)!.key;
}

describe('decodeLink: specific bad inputs', () => {
  /** Values a parameter must refuse: beyond either bound, fractional when whole, non-finite text. */
  function badValueArb(p: ParamSpec): fc.Arbitrary<unknown> {
    const span = Math.max(1, p.max - p.min);
    const options: fc.Arbitrary<unknown>[] = [
      fc.double({ min: p.max + span * 1e-6 + 1e-9, max: p.max + 10 * span, noNaN: true }),
      fc.double({ min: p.min - 10 * span, max: p.min - span * 1e-6 - 1e-9, noNaN: true }),
    ];
    if (wholeOnly(p) && p.max - p.min >= 1) options.push(fc.integer({ min: Math.ceil(p.min), max: Math.floor(p.max) - 1 }).map((x) => x + 0.5));
    return fc.oneof(...options);
  }

  it('an out-of-range value falls back to its default with a message naming the key; the rest is kept', () => {
    const arb = fc.constantFrom(...EXPERIMENTS).chain((def) =>
      fc.tuple(configArb(def), fc.constantFrom(...def.params)).chain(([cfg, spec]) =>
        badValueArb(spec).map((bad) => ({ def, cfg, spec, bad }))));
    fc.assert(
      fc.property(arb, ({ cfg, spec, bad }) => {
        const wire = wireOf(cfg);
        (wire.p as Record<string, unknown>)[spec.key] = bad;
        const r = decodeLink(packObj(wire));
        expectSchemaValid(r.config);
        expect(r.config.params[spec.key]).toBe(spec.default);
        expect(r.messages.length).toBe(1);
        expect(r.messages[0]).toContain(spec.key);
        expect(r.config.seed).toBe(cfg.seed);
        expect(r.config.events).toEqual(cfg.events);
        for (const p of EXPERIMENTS.find((e) => e.id === cfg.experiment)!.params) {
          if (p.key !== spec.key) expect(r.config.params[p.key]).toBe(cfg.params[p.key]);
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('invalid recorded changes (non-live, unknown, out of range) are dropped with a count; the order is made stable', () => {
    const def = EXPERIMENTS[0];
    const live = def.params.filter((p) => p.live);
    const fixed = def.params.find((p) => !p.live);
    const wire = {
      ...wireOf(configForFirst()),
      ev: [
        [30, live[1].key, live[1].default],
        [10, live[0].key, live[0].min],
        [10, 'no_such_key', 1],
        [20, live[0].key, live[0].max + 1],
        [10, live[0].key, live[0].max],
        ...(fixed ? [[5, fixed.key, fixed.default]] : []),
      ],
    };
    const r = decodeLink(packObj(wire));
    expectSchemaValid(r.config);
    expect(r.config.events).toEqual([
      { step: 10, key: live[0].key, value: live[0].min },
      { step: 10, key: live[0].key, value: live[0].max },
      { step: 30, key: live[1].key, value: live[1].default },
    ]);
    expect(r.messages.join(' ')).toContain(`Dropped ${fixed ? 3 : 2}`);
  });

  const fixedCases: [string, string, RegExp][] = [
    ['wrong version 5', packObj({ v: 5, e: 'balanced-ei', s: 1 }), /version 5/],
    ['version as a string', packObj({ v: '1', e: 'balanced-ei', s: 1 }), /version "1"/],
    ['no version', packObj({ e: 'balanced-ei', s: 1 }), /version/],
    ['JSON null', packObj(null), /malformed/],
    ['JSON array', packObj([1, 'balanced-ei', 3]), /default/],
    ['seed out of range', packObj({ v: 2, e: 'balanced-ei', s: MAX_SEED + 1 }), /malformed/],
    ['negative seed', packObj({ v: 2, e: 'balanced-ei', s: -1 }), /malformed/],
    ['fractional seed', packObj({ v: 2, e: 'balanced-ei', s: 0.5 }), /malformed/],
    ['"NaN" as a string', packObj({ v: 2, e: 'balanced-ei', s: 1, p: { v_th_mV: 'NaN' } }), /malformed/],
    ['"Infinity" as a string', packObj({ v: 2, e: 'balanced-ei', s: 1, p: { el_mV: 'Infinity' } }), /malformed/],
    ['1e999 (parses to Infinity)', pack('{"v":2,"e":"balanced-ei","s":1,"p":{"el_mV":1e999}}'), /el_mV|malformed/],
    ['-1e999 in an event', pack('{"v":2,"e":"balanced-ei","s":1,"ev":[[3,"el_mV",-1e999]]}'), /Dropped|malformed/],
    ['too many events', packObj({ v: 2, e: 'balanced-ei', s: 1, ev: Array.from({ length: MAX_EVENTS + 1 }, (_, i) => [i, 'el_mV', -50]) }), /malformed/],
    ['key longer than 64', packObj({ v: 2, e: 'balanced-ei', s: 1, p: { ['k'.repeat(65)]: 1 } }), /malformed/],
    ['unknown parameter', packObj({ v: 2, e: 'balanced-ei', s: 1, p: { bogus: 1 } }), /bogus/],
    ['invalid JSON', pack('{"v":2,"e":'), /valid settings/],
    ['not compressed', '#c=%%%%', /decompressed|valid settings/],
    ['no c= parameter', '#x=1&y=2', /no run settings/],
    ['empty c=', '#c=', /no run settings/],
    ['link too long', '#c=' + 'A'.repeat(MAX_LINK_CHARS + 1), /too long/],
    ['expands beyond the JSON limit', pack(JSON.stringify({ v: 2, e: 'balanced-ei', s: 1, pad: 'a'.repeat(MAX_JSON_CHARS + 10) })), /too much data/],
  ];
  for (const [label, text, pattern] of fixedCases) {
    it(`${label}: default-safe configuration and a message`, () => {
      const r = decodeLink(text);
      expectSchemaValid(r.config);
      expect(r.messages.length).toBeGreaterThan(0);
      expect(r.messages.join(' ')).toMatch(pattern);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('__proto__ keys cannot pollute prototypes and are reported', () => {
    for (const json of [
      '{"v":2,"e":"balanced-ei","s":1,"p":{"__proto__":{"polluted":1}}}',
      '{"v":2,"e":"balanced-ei","s":1,"p":{"__proto__":5,"el_mV":-45}}',
      '{"v":2,"e":"balanced-ei","s":1,"__proto__":{"polluted":1}}',
    ]) {
      const r = decodeLink(pack(json));
      expectSchemaValid(r.config);
      expect(r.messages.join(' ')).toContain('forbidden key "__proto__"');
      expect(Object.getPrototypeOf(r.config.params)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(decodeLink(pack('{"v":2,"e":"balanced-ei","s":1,"p":{"__proto__":5,"el_mV":-45}}')).config.params.el_mV).toBe(-45);
  });

  it('an unknown experiment opens the default one with the seed kept and names the id', () => {
    const r = decodeLink(packObj({ v: 2, e: 'no-such-lab', s: 1234, p: { x: 1 } }));
    expectSchemaValid(r.config);
    expect(r.config.experiment).toBe(EXPERIMENTS[0].id);
    expect(r.config.seed).toBe(1234);
    expect(r.messages.join(' ')).toContain('no-such-lab');
  });

  it('blank input opens the default experiment silently', () => {
    for (const t of ['', '   ', '#', 'https://lab.example/#', 'https://lab.example/# ']) {
      const r = decodeLink(t);
      expect(r.messages).toEqual([]);
      expectSchemaValid(r.config);
    }
  });
});
