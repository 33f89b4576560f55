import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../config/runConfig';
import { Session } from '../run/session';

/** 100 s of the default stdp-bimodal run (SCIENCE.md §2 test 4; issue 3 checks). */
function run(seed: number, inputRate = 15) {
  const c = defaultRunConfig('stdp-bimodal', seed);
  c.params.input_rate_hz = inputRate;
  const s = new Session(c);
  s.advance(s.def.defaultSteps);
  return s.run.metrics() as { bimodality: number; output_rate_hz: number; mean_weight_ratio: number; weight_histogram: { counts: number[] } };
}

describe('stdp-bimodal (Song, Miller & Abbott 2000, Brian2 parameters)', () => {
  const at15 = [1, 2, 3].map((seed) => run(seed));
  const at30 = run(1, 30);

  it('pushes the weights towards both bounds: bimodality ≥ 0.38 after 100 s (0.2 at the uniform start)', () => {
    for (const m of at15) {
      expect(m.bimodality).toBeGreaterThanOrEqual(0.38);
      const h = m.weight_histogram.counts;
      // U shape: both end bins hold more weights than the middle bins on average.
      const middle = h.slice(5, 15).reduce((a, b) => a + b, 0) / 10;
      expect(h[0]).toBeGreaterThan(1.5 * middle);
      expect(h[h.length - 1]).toBeGreaterThan(1.5 * middle);
    }
  });

  it('regulates the output rate to 18–26 Hz at 15 Hz input (mean over three seeds, last 10 s)', () => {
    const mean = at15.reduce((a, m) => a + m.output_rate_hz, 0) / at15.length;
    expect(mean).toBeGreaterThanOrEqual(18);
    expect(mean).toBeLessThanOrEqual(26);
  });

  it('at 30 Hz input the mean weight is lower and output/input stays below 1.5', () => {
    expect(at30.mean_weight_ratio).toBeLessThan(at15[0].mean_weight_ratio);
    expect(at30.output_rate_hz / 30).toBeLessThan(1.5);
  });
});
