import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeConfigFile, decodeLink, encodeConfigFile, encodeFragment, MAX_JSON_CHARS } from './link';
import { defaultRunConfig } from './runConfig';
import { defaultView, MAX_HIDDEN, validateView, type ViewConfig } from './viewConfig';

const idArb = fc.stringMatching(/^[a-z][a-z0-9_:.-]{0,30}$/);
const viewArb: fc.Arbitrary<ViewConfig> = fc.record({
  hidden: fc.uniqueArray(idArb, { maxLength: 20 }).map((h) => [...h].sort()),
  raster: fc.oneof(
    fc.constant({ mode: 'all' as const }),
    fc.integer({ min: 1, max: 5000 }).map((n) => ({ mode: 'sample' as const, n })),
    fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })).map(([a, b]) => ({ mode: 'range' as const, from: Math.min(a, b), to: Math.max(a, b) })),
  ),
  localImages: fc.integer({ min: 0, max: 64 }),
});

describe('view settings in links and configuration files', () => {
  it('round-trip through a link and through a file, unchanged and without messages', () => {
    const config = defaultRunConfig();
    fc.assert(
      fc.property(viewArb, (view) => {
        const viaLink = decodeLink(encodeFragment(config, view));
        expect(viaLink).toEqual({ config, view, messages: [] });
        const viaFile = decodeConfigFile(encodeConfigFile(config, view));
        expect(viaFile).toEqual({ config, view, messages: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('a link without view settings (older links) reads as the default view', () => {
    const old = '#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e: 'balanced-ei', s: 3 }));
    const r = decodeLink(old);
    expect(r.messages).toEqual([]);
    expect(r.view).toEqual(defaultView());
  });

  it('default view settings add nothing to the link', () => {
    const config = defaultRunConfig();
    expect(encodeFragment(config, defaultView())).toBe(encodeFragment(config));
  });

  it('invalid view settings are refused with a message', () => {
    const bad = [
      { h: ['<script>'] },
      { h: Array.from({ length: MAX_HIDDEN + 1 }, (_, i) => `param:k${i}`) },
      { r: [1, 0] },
      { r: [3, 1, 2] },
      { li: 1000 },
    ];
    for (const u of bad) {
      const r = decodeLink('#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e: 'balanced-ei', s: 3, u })));
      expect(r.messages.length).toBeGreaterThan(0);
      expect(r.view).toEqual(defaultView());
    }
  });

  it('validateView accepts the app-side shape and refuses junk', () => {
    expect(validateView({ hidden: ['plot:raster'], raster: { mode: 'range', from: 9, to: 3 }, localImages: 2 }).view).toEqual({ hidden: ['plot:raster'], raster: { mode: 'range', from: 3, to: 9 }, localImages: 2 });
    for (const junk of [null, 5, 'x', { hidden: 'all' }, { raster: { mode: 'weird' } }]) expect(validateView(junk).messages.length).toBeGreaterThan(0);
  });

  it('configuration files: invalid JSON, wrong shape and oversize are reported', () => {
    expect(decodeConfigFile('{').messages[0]).toMatch(/not a valid configuration/);
    expect(decodeConfigFile('{"v":1}').messages[0]).toMatch(/malformed/);
    expect(decodeConfigFile(' '.repeat(MAX_JSON_CHARS + 1)).messages[0]).toMatch(/too large/);
  });
});
