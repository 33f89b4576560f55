import { describe, expect, it } from 'vitest';
import { SpikeWindow } from '../engine/spikeWindow';
import { packColor, rowOf } from './raster';
import { binRates, countPerNeuron } from './rateHistogram';
import { smoothBins } from './rateTrace';

describe('raster helpers', () => {
  it('maps neurons onto pixel rows monotonically and within range', () => {
    const n = 10000, rows = 317;
    let prev = -1;
    for (let id = 0; id < n; id++) {
      const r = rowOf(id, n, rows);
      expect(r).toBeGreaterThanOrEqual(prev);
      expect(r).toBeLessThan(rows);
      prev = r;
    }
    expect(rowOf(0, n, rows)).toBe(0);
    expect(rowOf(n - 1, n, rows)).toBe(rows - 1);
  });

  it('packs colours as little-endian RGBA', () => {
    const bytes = new Uint8Array(new Uint32Array([packColor('#1f6fd1')]).buffer);
    expect([...bytes]).toEqual([0x1f, 0x6f, 0xd1, 0xff]);
  });
});

describe('rate histogram helpers', () => {
  it('counts spikes per neuron inside the window only, silent neurons included', () => {
    const w = new SpikeWindow(64);
    w.push(Int32Array.from([0, 5, 10, 10, 12]), Int32Array.from([1, 1, 2, 1, 3]), 12);
    const c = countPerNeuron(w, 5, 5);
    expect([...c]).toEqual([0, 2, 1, 1, 0]);
  });

  it('bins per-neuron rates and reports the layer mean', () => {
    const c = Int32Array.from([0, 1, 2, 2, 10]);
    const { hist, mean } = binRates(c, 0, 5, 0.5, 2, 5); // rates 0, 2, 4, 4, 20 Hz
    expect([...hist]).toEqual([1, 1, 2, 0, 1]); // 20 Hz is clamped into the last bin
    expect(mean).toBeCloseTo(6, 12);
  });
});

describe('rate trace smoothing', () => {
  it('averages groups of k bins aligned to multiples of k and skips missing bins', () => {
    const data = [1, 2, 3, 4, 5, 6, NaN, 8];
    const out = new Float64Array(10);
    const n = smoothBins((b) => data[b], 1, 8, 4, out);
    expect(n).toBe(2);
    expect(out[0]).toBeCloseTo(3, 12); // bins 1..3
    expect(out[1]).toBeCloseTo((5 + 6 + 8) / 3, 12);
  });
});
