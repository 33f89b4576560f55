/**
 * The float32 white-noise group with its normals computed ahead and its update shared with a
 * second thread (scripts/nodeNormalsHelper.ts, src-engine/wasm/normalsRing.ts, blockUpdate.ts):
 * the run is the same, spike for spike and state for state, as on one thread; also across a rewind, and when the helper moves
 * between two groups stepped in turn. Waits are on what the helper reports (slots it filled),
 * counted in simulated steps, never on time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRunConfig, type RunConfig } from '../src-engine/config/runConfig';
import { Session } from '../src-engine/run/session';
import { setNormalsHelperEnabled } from '../src-engine/wasm/normalsHelper';
import { installNodeNormalsHelper } from './nodeNormalsHelper';

const config = (seed: number, model = 0): RunConfig => {
  const c = defaultRunConfig('fokker-planck', seed);
  c.params.n_neurons = 4000;
  c.params.model = model;
  return c;
};
const kernel = (s: Session) => (s.run.network as unknown as { neuronGroups: { kernel32?: { helpedSlots: number; helpedUpdates: number } }[] }).neuronGroups[0].kernel32!;
/** Blocks the helper has done: the fewer of normals filled and update blocks run. */
const helped = (s: Session): number => Math.min(kernel(s).helpedSlots, kernel(s).helpedUpdates);
const alone = (seed: number, steps: number, model = 0) => {
  const s = new Session(config(seed, model));
  s.advance(steps);
  return s.summary().fingerprint;
};

describe('normals computed ahead on a helper thread', () => {
  const helper = installNodeNormalsHelper(true);
  afterAll(() => helper.close());

  it('give the same run as one thread, also after a rewind', () => {
    const s = new Session(config(3));
    // Step until the helper has filled blocks of normals and run blocks of the update (it starts
    // in its own time); at most 200,000 steps.
    while (helped(s) < 50 && s.step < 200_000) s.advance(100);
    expect(helped(s)).toBeGreaterThanOrEqual(50);
    const mark = s.step;
    const snap = s.snapshot();
    s.advance(1000);
    const end = s.summary().fingerprint;
    const before = helped(s);
    s.restore(snap);
    s.advance(1000);
    expect(s.summary().fingerprint).toBe(end);
    expect(helped(s)).toBeGreaterThan(before);
    expect(alone(3, mark + 1000)).toBe(end);
  });

  it('give the same run for the EIF (its drift computed per block)', () => {
    const s = new Session(config(6, 1));
    while (helped(s) < 50 && s.step < 200_000) s.advance(100);
    expect(helped(s)).toBeGreaterThanOrEqual(50);
    s.advance(500);
    expect(s.summary().spikes).toBeGreaterThan(1000);
    expect(s.summary().fingerprint).toBe(alone(6, s.step, 1));
  });

  it('give the same runs when the helper moves between two groups stepped in turn', () => {
    const a = new Session(config(4)), b = new Session(config(5));
    for (let k = 0; k < 20; k++) {
      a.advance(100);
      b.advance(100);
    }
    expect(a.summary().fingerprint).toBe(alone(4, 2000));
    expect(b.summary().fingerprint).toBe(alone(5, 2000));
  });

  it('give the same run when the helper is turned off and on again mid-run (as the app tuner does)', () => {
    const s = new Session(config(7));
    try {
      while (helped(s) < 50 && s.step < 200_000) s.advance(100);
      expect(helped(s)).toBeGreaterThanOrEqual(50);
      setNormalsHelperEnabled(false);
      s.advance(10); // a block the helper had claimed is finished by it
      const off = kernel(s).helpedSlots + kernel(s).helpedUpdates;
      s.advance(500);
      expect(kernel(s).helpedSlots + kernel(s).helpedUpdates).toBe(off);
      // On again: the helper serves the same ring once more (a new token).
      setNormalsHelperEnabled(true);
      const back = helped(s);
      while (helped(s) < back + 50 && s.step < 400_000) s.advance(100);
      expect(helped(s)).toBeGreaterThanOrEqual(back + 50);
      s.advance(300);
      expect(s.summary().fingerprint).toBe(alone(7, s.step));
    } finally {
      setNormalsHelperEnabled(true);
    }
  });
});
