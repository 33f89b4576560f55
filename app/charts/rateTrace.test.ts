import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../../workers/simApi';
import { RateHistory } from '../engine/rateHistory';
import { formatSeconds, stickyMax, timeWindow } from './axes';
import { fakeCanvas } from './fakeCanvas';
import { meanBins, renderRateTrace, smoothBins } from './rateTrace';

describe('rate trace smoothing', () => {
  it('averages groups of k bins aligned to multiples of k and skips missing bins', () => {
    const data = [1, 2, 3, 4, 5, 6, NaN, 8];
    const out = new Float64Array(10);
    const n = smoothBins((b) => data[b], 1, 8, 4, out);
    expect(n).toBe(2);
    expect(out[0]).toBeCloseTo(3, 12); // bins 1..3
    expect(out[1]).toBeCloseTo((5 + 6 + 8) / 3, 12);
    expect(meanBins((b) => data[b], 0, 8)).toBeCloseTo(29 / 7, 12);
  });

  it('reads bins from a RateHistory and stops at the output length', () => {
    const r = new RateHistory(100);
    r.reset(1, 10, 0.1);
    r.push(0, [Float32Array.from({ length: 20 }, (_, i) => i)]);
    const out = new Float64Array(2);
    expect(smoothBins((b) => r.at(0, b), 0, 20, 5, out)).toBe(2);
    expect([...out]).toEqual([2, 7]);
  });
});

describe('axis helpers', () => {
  it('keeps axis maxima steady unless the data outgrow or shrink well below them', () => {
    expect(stickyMax(NaN, 10, 20)).toBe(20);
    expect(stickyMax(20, 30, 20)).toBeCloseTo(34.5, 12);
    expect(stickyMax(34.5, 20, 20)).toBe(34.5);
    expect(stickyMax(100, 10, 20)).toBe(20);
  });

  it('scrolls the window with the run and formats seconds', () => {
    expect(timeWindow(500, 0.1, 1000)).toEqual({ tStart: 0, tEnd: 1000 });
    expect(timeWindow(25000, 0.1, 1000)).toEqual({ tStart: 1500, tEnd: 2500 });
    expect([0, 250, 1000, 1500, 2000.0000001].map(formatSeconds)).toEqual(['0', '0.25', '1', '1.5', '2']);
  });
});

describe('renderRateTrace', () => {
  it('draws a legend with window means and a labelled empty frame without a run', () => {
    const info = { neurons: 10, dt_ms: 0.1, layers: [{ label: 'excitatory', start: 0, count: 10, role: 'exc' }] } as unknown as RunInfo;
    const r = new RateHistory(5000);
    r.reset(1, 10, 0.1);
    r.push(0, [new Float32Array(2000).fill(12)]);
    const fc = fakeCanvas();
    renderRateTrace(fc.canvas, { rates: r, info, windowMs: 1000, nowStep: 20000 }, { dpr: 2, width: 500, height: 240 });
    expect(fc.texts).toContain('excitatory: mean 12.0 Hz');
    expect(fc.texts).toContain('rate (Hz)');
    expect(fc.texts.some((t) => t.startsWith('time (s)') && t.includes('5 ms'))).toBe(true);
    const empty = fakeCanvas();
    renderRateTrace(empty.canvas, { rates: new RateHistory(10), info: null, windowMs: 1000, nowStep: 0 }, { dpr: 1, width: 500, height: 240 });
    expect(empty.texts).toContain('no run');
  });
});
