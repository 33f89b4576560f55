import { describe, expect, it } from 'vitest';
import { HIGH_HZ, LOW_HZ, pitchHz, seriesRange } from './ratePitch';

describe('ratePitch', () => {
  it('maps the range onto two octaves, logarithmically', () => {
    expect(pitchHz(0, 0, 10)).toBe(LOW_HZ);
    expect(pitchHz(10, 0, 10)).toBeCloseTo(HIGH_HZ, 9);
    expect(pitchHz(5, 0, 10)).toBeCloseTo(440, 9);
    expect(pitchHz(3, 3, 3)).toBeCloseTo(440, 9);
    expect(pitchHz(20, 0, 10)).toBeCloseTo(HIGH_HZ, 9);
    expect(pitchHz(NaN, 0, 1)).toBeNaN();
  });
  it('reads the last finite value and the range', () => {
    expect(seriesRange([2, NaN, -1, 4, NaN])).toEqual({ last: 4, min: -1, max: 4 });
    expect(seriesRange([NaN])).toBeNull();
  });
});
