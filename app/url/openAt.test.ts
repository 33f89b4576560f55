import { describe, expect, it } from 'vitest';
import { AT_MAX_RUNS, capAt, parseAt } from './openAt';

const balanced = { id: 'balanced-ei', mode: 'simulated' as const, dt_ms: 0.1, defaultSteps: 10_000 };

describe('?at=N (open a link paused at step N)', () => {
  it('accepts a whole number of steps, and nothing else (a message names the value; the run opens paused at 0)', () => {
    expect(parseAt(null)).toEqual({ step: null, message: null });
    expect(parseAt('0')).toEqual({ step: 0, message: null });
    expect(parseAt('2003')).toEqual({ step: 2003, message: null });
    expect(parseAt(' 42 ')).toEqual({ step: 42, message: null });
    for (const bad of ['', 'abc', '-5', '1.5', '1e6', '0x10', '+3', '1 000', '9'.repeat(13), 'Infinity', 'NaN']) {
      const r = parseAt(bad);
      expect(r.step, bad).toBe(0);
      expect(r.message, bad).toContain('is not a step number');
      expect(r.message, bad).toContain('paused at step 0');
    }
    expect(parseAt('x'.repeat(500)).message!.length).toBeLessThan(300);
  });

  it('caps the step at ten default runs of the experiment and says so; computed experiments ignore it', () => {
    expect(capAt(2003, balanced)).toEqual({ step: 2003, message: null });
    expect(capAt(AT_MAX_RUNS * 10_000, balanced)).toEqual({ step: 100_000, message: null });
    const capped = capAt(999_999_999_999, balanced);
    expect(capped.step).toBe(100_000);
    expect(capped.message).toContain('step 999,999,999,999');
    expect(capped.message).toContain('at most 100,000 steps');
    expect(capped.message).toContain('--steps 999999999999');
    const computed = { id: 'stdp-window', mode: 'computed' as const, dt_ms: 1, defaultSteps: 1 };
    expect(capAt(500, computed)).toEqual({ step: 0, message: expect.stringContaining('was ignored') });
    expect(capAt(0, computed)).toEqual({ step: 0, message: null });
  });
});
