import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../config/runConfig';
import { Session } from '../run/session';

/** Steps per 500-ms trial (dt = 1 ms). */
const TRIAL = 500;

interface SsMetrics { van_rossum_initial: number; van_rossum_final: number; loss_trace: number[]; trials: number; target_spikes: number }

/** The default superspike-target run for its default training time (100 trials of 500 ms). */
function train(feedback: number, seed = 1): { s: Session; m: SsMetrics } {
  const c = defaultRunConfig('superspike-target', seed);
  c.params.feedback = feedback;
  const s = new Session(c);
  s.advance(s.def.defaultSteps);
  return { s, m: s.run.metrics() as unknown as SsMetrics };
}

describe('superspike-target (issue 5 checks)', () => {
  const sym = train(0);
  it('symmetric feedback: van_rossum_final < 0.5 × van_rossum_initial on the default target', () => {
    expect(sym.m.trials).toBe(100);
    expect(sym.m.loss_trace).toHaveLength(100);
    expect(sym.m.van_rossum_initial).toBeGreaterThan(16 * sym.m.target_spikes * 0.9);
    expect(sym.m.van_rossum_final).toBeLessThan(0.5 * sym.m.van_rossum_initial);
  });

  it('random (feedback-alignment) feedback also learns', () => {
    const rnd = train(1);
    expect(rnd.m.van_rossum_initial).toBe(sym.m.van_rossum_initial);
    expect(rnd.m.van_rossum_final).toBeLessThan(0.5 * rnd.m.van_rossum_initial);
  });

  it('with learning off the loss stays where it started', () => {
    const c = defaultRunConfig('superspike-target', 1);
    c.params.plastic = 0;
    const s = new Session(c);
    s.advance(20 * TRIAL);
    const m = s.run.metrics() as unknown as SsMetrics;
    for (const v of m.loss_trace.slice(1)) expect(v).toBeCloseTo(m.loss_trace[1], 6);
  });

  it('switching the feedback mode mid-run keeps training (no reset) and replays from the recorded change', () => {
    const c = defaultRunConfig('superspike-target', 2);
    const s = new Session(c);
    s.advance(10 * TRIAL);
    s.setParam('feedback', 2);
    s.advance(10 * TRIAL);
    const m = s.run.metrics() as unknown as SsMetrics;
    expect(m.trials).toBe(20);
    const replay = new Session(s.toConfig());
    replay.advance(20 * TRIAL);
    expect(replay.summary().fingerprint).toBe(s.summary().fingerprint);
  });

  it('snapshot/restore mid-trial continues identically (loss trace, last-trial raster, fingerprint)', () => {
    const s = new Session(defaultRunConfig('superspike-target', 3));
    s.advance(3 * TRIAL + 123);
    const snap = s.snapshot();
    s.advance(3 * TRIAL);
    const a = { m: s.run.metrics(), plots: JSON.stringify(s.run.plots!()), fp: s.summary().fingerprint };
    s.restore(snap);
    s.advance(3 * TRIAL);
    expect(s.run.metrics()).toEqual(a.m);
    expect(JSON.stringify(s.run.plots!())).toBe(a.plots);
    expect(s.summary().fingerprint).toBe(a.fp);
  });

  it('the paper’s settings as options: dt = 0.1 ms halves the loss within 20 trials', () => {
    const c = defaultRunConfig('superspike-target', 1);
    c.params.dt_ms = 1;
    const s = new Session(c);
    expect(s.summary().dt_ms).toBe(0.1);
    s.advance(20 * TRIAL * 10);
    const m = s.run.metrics() as unknown as SsMetrics;
    expect(m.trials).toBe(20);
    expect(m.van_rossum_final).toBeLessThan(0.5 * m.van_rossum_initial);
  });

  it('zero-mean N(0, σ²/N_pre) initialisation with the activity regulariser (ρ = 10⁻³): the loss halves in the default trials and hidden activity is lower than without ρ', () => {
    const run = (rho: number) => {
      const c = defaultRunConfig('superspike-target', 1);
      Object.assign(c.params, { init: 1, reg_rho: rho });
      const s = new Session(c);
      s.advance(s.def.defaultSteps);
      return { m: s.run.metrics() as unknown as SsMetrics, spikes: s.summary().spikes };
    };
    const reg = run(1e-3), plain = run(0);
    expect(reg.m.van_rossum_final).toBeLessThan(0.5 * reg.m.van_rossum_initial);
    expect(plain.m.van_rossum_final).toBeLessThan(0.5 * plain.m.van_rossum_initial);
    expect(reg.spikes).toBeLessThan(0.8 * plain.spikes);
  });
});
