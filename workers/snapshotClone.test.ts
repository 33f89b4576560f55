import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../src-engine/config/runConfig';
import { Session } from '../src-engine/run/session';
import { SnapshotCloner } from './snapshotClone';

describe('SnapshotCloner', () => {
  it('copies deeply, but copies an array handed out again unchanged only once', () => {
    const cloner = new SnapshotCloner();
    const fixed = new Float32Array([1, 2, 3]);
    const fresh = new Float64Array([4, 5]);
    const a = cloner.clone({ x: 1, s: 'k', n: null, list: [fresh, { y: fixed }], fixed });
    expect(a).toEqual({ x: 1, s: 'k', n: null, list: [fresh, { y: fixed }], fixed });
    expect(a.fixed).not.toBe(fixed);
    expect(a.list[0]).not.toBe(fresh);
    fresh[0] = 99;
    expect((a.list[0] as Float64Array)[0]).toBe(4);
    const b = cloner.clone({ fixed, other: new Float32Array([7]) });
    expect(b.fixed).toBe(a.fixed); // the same source array: one copy shared
    expect(Array.from(b.other)).toEqual([7]);
  });

  it('a static network hands out its weights once: two checkpoints share them, and restoring either replays exactly', () => {
    const c = defaultRunConfig('balanced-ei', 3);
    c.params.n_neurons = 500;
    const s = new Session(c);
    const cloner = new SnapshotCloner();
    s.advance(300);
    const cp1 = cloner.clone(s.snapshot());
    s.advance(300);
    const cp2 = cloner.clone(s.snapshot());
    const w = (cp: unknown) => (cp as { network: { components: Record<string, { w: Float32Array }> } }).network.components['exc-syn'].w;
    expect(w(cp2)).toBe(w(cp1));
    s.advance(400);
    const at1000 = s.summary().fingerprint;
    s.restore(structuredClone(cp1));
    s.advance(700);
    expect(s.summary().fingerprint).toBe(at1000);
  });
});
