import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../config/runConfig';
import { lag1, shuffled, slowSignalRates } from '../inputs/slowSignal';
import { Rng } from '../core/rng';
import { Session } from '../run/session';

function run(set: Record<string, number>, seconds: number) {
  const c = defaultRunConfig('lpl-spiking', 1);
  Object.assign(c.params, set);
  const s = new Session(c);
  s.advance(seconds * 10000);
  return s.run.metrics() as { exc_rate_hz: number; signal_minus_control: number; readout_r2_signals: number; readout_r2_controls: number };
}

describe('slow latent signals (SCIENCE.md §9 test 4)', () => {
  it('signal lag-1 autocorrelation > 0.9, shuffled control |·| < 0.05, identical rate histograms', () => {
    const rng = new Rng(3);
    const s = slowSignalRates(rng, 3);
    const c = shuffled(rng, s);
    expect(lag1(s)).toBeGreaterThan(0.9);
    expect(Math.abs(lag1(c))).toBeLessThan(0.05);
    expect([...c].sort()).toEqual([...s].sort());
    expect(Math.min(...s)).toBeGreaterThanOrEqual(0.1);
  });
});

describe('lpl-spiking network (SCIENCE.md §3 test 6, shortened)', () => {
  it('λ = 0 drives the excitatory rate below 0.5 Hz; λ = 1e-4 keeps it within 1–20 Hz, and a linear readout decodes the slow signals (R² > 0.05) but not their shuffled controls (R² < 0.05)', () => {
    expect(run({ lambda_e4: 0 }, 20).exc_rate_hz).toBeLessThan(0.5);
    const lpl = run({}, 20);
    expect(lpl.exc_rate_hz).toBeGreaterThan(1);
    expect(lpl.exc_rate_hz).toBeLessThan(20);
    expect(lpl.readout_r2_signals).toBeGreaterThan(0.05);
    expect(lpl.readout_r2_controls).toBeLessThan(0.05);
  });

  it('on Poisson-coded MNIST sequences: λ = 0 leaves < 10% of the output variance of the default λ after the same 15 s', () => {
    const full = run({ input: 1 }, 15) as unknown as { output_variance: number; invariance: number; readout_accuracy: number };
    const hebbOff = run({ input: 1, lambda_e4: 0 }, 15) as unknown as { output_variance: number };
    expect(hebbOff.output_variance).toBeLessThan(0.1 * full.output_variance);
    expect(full.invariance).toBeGreaterThan(0);
    expect(Number.isFinite(full.readout_accuracy)).toBe(true);
  });
});
