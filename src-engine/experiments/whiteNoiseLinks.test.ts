/**
 * Links of formats 2 and 3 of the white-noise experiments replay as they did before link format 4
 * gave the float32 normals streams of their own: the fingerprints below were recorded at 669f0ba
 * (the last commit before format 4) with the same links and step counts, in float32 (format 3,
 * LIF and EIF) and float64 (format 2).
 */
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeLink } from '../config/link';
import { Session } from '../run/session';

const link = (o: object) => '#c=' + LZString.compressToEncodedURIComponent(JSON.stringify(o));

describe('fokker-planck and fi-curve links made before format 4', () => {
  const cases: [string, number, Record<string, number>, string][] = [
    ['fokker-planck', 3, { n_neurons: 2000 }, '91279644c17cf280'],
    ['fokker-planck', 3, { n_neurons: 2000, model: 1 }, '86e57649350d02af'],
    ['fokker-planck', 2, { n_neurons: 2000 }, 'b383047d6901c320'],
    ['fi-curve', 3, { neurons_per_point: 40 }, 'e0cc8ded612c8eb8'],
    ['fi-curve', 2, { neurons_per_point: 40 }, 'cc4e699f75bb4916'],
  ];
  for (const [e, v, p, want] of cases) {
    it(`${e}, format ${v}, ${JSON.stringify(p)}: the recorded fingerprint after 3,000 steps`, () => {
      const { config, messages } = decodeLink(link({ v, e, s: 7, p }));
      expect(messages).toEqual([]);
      expect(config.params.noise_streams).toBe(1);
      const s = new Session(config);
      s.advance(3000);
      expect(s.summary().fingerprint).toBe(want);
    });
  }

  it('a format-4 link runs the normals on their own streams: another run from the same seed', () => {
    const { config } = decodeLink(link({ v: 4, e: 'fokker-planck', s: 7, p: { n_neurons: 2000 } }));
    expect(config.params.noise_streams).toBe(0);
    const s = new Session(config);
    s.advance(3000);
    expect(s.summary().fingerprint).not.toBe('91279644c17cf280');
  });
});
