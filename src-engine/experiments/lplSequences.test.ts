import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../config/runConfig';
import { Session } from '../run/session';

type M = { output_variance: number; invariance: number; invariance_initial: number; unit_correlation: number; readout_accuracy: number; readout_accuracy_initial: number; readout_accuracy_layer1?: number; readout_chance: number; receptive_field_contrast: number };

function train(set: Record<string, number>, seed = 1, frames = 6000): M {
  const c = defaultRunConfig('lpl-sequences', seed);
  Object.assign(c.params, set);
  const s = new Session(c);
  s.advance(frames);
  return s.run.metrics() as unknown as M;
}

describe('lpl-sequences (rate LPL on MNIST sequences)', () => {
  const lpl = train({});

  it('λ = 0 (pure prediction) collapses: output variance < 10% of the default-λ value after the same training', () => {
    const pred = train({ lambda: 0 });
    expect(pred.output_variance).toBeLessThan(0.1 * lpl.output_variance);
  });

  it('with the default λ invariance rises over training and stays > 0.1 above the untrained layer', () => {
    // It rises fast (0.61 → 0.87 in 400 frames), then eases off a little as the units diversify.
    const early = train({}, 1, 400);
    expect(early.invariance).toBeGreaterThan(early.invariance_initial + 0.1);
    expect(lpl.invariance).toBeGreaterThan(lpl.invariance_initial + 0.1);
  });

  it('a linear readout of held-out sequences reaches ≥ 0.5 (chance 0.1) and beats the same readout of the untrained layer', () => {
    expect(lpl.readout_chance).toBeCloseTo(0.1, 6);
    expect(lpl.readout_accuracy).toBeGreaterThanOrEqual(0.5);
    expect(lpl.readout_accuracy).toBeGreaterThan(lpl.readout_accuracy_initial + 0.05);
  });

  it('two layers: the second learns on the first one\'s output; both layers are read out', () => {
    const two = train({ n_layers: 2 }, 1, 1000);
    expect(Number.isFinite(two.readout_accuracy)).toBe(true);
    expect(two.readout_accuracy_layer1).toBeGreaterThan(two.readout_chance);
    expect(two.output_variance).toBeGreaterThan(0);
    expect(lpl.readout_accuracy_layer1).toBeUndefined();
  });

  it('without decorrelation units become redundant (higher mean |correlation|)', () => {
    const noDecor = train({ decor: 0 });
    expect(noDecor.unit_correlation).toBeGreaterThan(lpl.unit_correlation);
  });

  it('stays bounded over long training (no runaway along the mean input; the small 16-unit, 16-px layer)', () => {
    const long = train({ n_units: 16, frame_px: 16 }, 2, 20000);
    expect(long.output_variance).toBeLessThan(10);
    expect(long.readout_accuracy).toBeGreaterThan(2 * long.readout_chance);
  });

  it('snapshot/restore continues identically (stream, layer and history included)', () => {
    const c = defaultRunConfig('lpl-sequences', 5);
    const a = new Session(c);
    a.advance(900);
    const b = new Session(c);
    b.advance(500);
    const snap = b.snapshot();
    b.advance(400);
    expect(b.run.metrics()).toEqual(a.run.metrics());
    b.restore(snap);
    b.advance(400);
    expect(b.run.metrics()).toEqual(a.run.metrics());
  });

  it('is deterministic for a seed', () => {
    expect(train({}, 4, 600)).toEqual(train({}, 4, 600));
  });
});
