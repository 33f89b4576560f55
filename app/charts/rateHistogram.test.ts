import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../../workers/simApi';
import { SpikeWindow } from '../engine/spikeWindow';
import { fakeCanvas } from './fakeCanvas';
import { binRates, binWidthHz, completeFromStep, countQuantile, countPerNeuron, countWindow, renderRateHistogram } from './rateHistogram';

describe('per-neuron counts', () => {
  it('counts spikes per neuron inside [fromStep, toStep) only, silent neurons included', () => {
    const w = new SpikeWindow(64);
    w.push(Int32Array.from([0, 5, 10, 10, 12, 20]), Int32Array.from([1, 1, 2, 1, 3, 4]), 21);
    expect([...countPerNeuron(w, 5, 5, 20)]).toEqual([0, 2, 1, 1, 0]);
    expect([...countPerNeuron(w, 5, 5)]).toEqual([0, 2, 1, 1, 1]);
  });

  it('reuses one buffer between calls', () => {
    const w = new SpikeWindow(16);
    const a = countPerNeuron(w, 100, 0);
    const b = countPerNeuron(w, 50, 0);
    expect(b.buffer).toBe(a.buffer);
  });

  it('uses the last windowMs, or everything since step 0 early on', () => {
    const w = new SpikeWindow(64);
    expect(countWindow(w, 20000, 0.1, 1000)).toEqual({ fromStep: 10000, toStep: 20000, seconds: 1 });
    expect(countWindow(w, 2500, 0.1, 1000)).toEqual({ fromStep: 0, toStep: 2500, seconds: 0.25 });
  });

  it('shortens the window to what the ring buffer still holds completely', () => {
    const w = new SpikeWindow(8);
    const steps = Int32Array.from({ length: 20 }, (_, i) => 100 + i);
    w.push(steps, steps, 120);
    expect(completeFromStep(w, 0)).toBe(113); // oldest held is step 112, possibly partial
    expect(completeFromStep(w, 115)).toBe(115);
    expect(countWindow(w, 120, 1, 1000).fromStep).toBe(113);
  });
});

describe('rate binning', () => {
  it('bins per-neuron rates and reports the layer mean', () => {
    const c = Int32Array.from([0, 1, 2, 2, 10]);
    const hist = new Int32Array(5);
    const { mean, over } = binRates(c, 0, 5, 0.5, 2, hist); // rates 0, 2, 4, 4, 20 Hz
    expect([...hist]).toEqual([1, 1, 2, 0, 0]);
    expect(over).toBe(1); // 20 Hz lies beyond the last bin (8–10 Hz)
    expect(mean).toBeCloseTo(6, 12);
  });

  it('finds count quantiles without sorting', () => {
    const c = Int32Array.from([0, 0, 1, 1, 1, 2, 3, 9, 50, 0]);
    expect(countQuantile(c, 10, 0.5)).toBe(1);
    expect(countQuantile(c, 10, 0.8)).toBe(3);
    expect(countQuantile(c, 10, 0.9)).toBe(9);
    expect(countQuantile(c, 10, 1)).toBe(50);
    expect(countQuantile(c, 0, 0.995)).toBe(0);
  });

  it('chooses bin widths that are whole multiples of the rate quantum', () => {
    expect(binWidthHz(60, 1, 30)).toBe(2);
    expect(binWidthHz(10, 1, 30)).toBe(1);
    expect(binWidthHz(400, 0.1, 30)).toBeCloseTo(20, 12); // quantum 10 Hz
  });
});

describe('renderRateHistogram', () => {
  it('draws with legend means per layer and an empty frame without a run', () => {
    const info = {
      neurons: 4,
      dt_ms: 1,
      layers: [
        { label: 'excitatory', start: 0, count: 2, role: 'exc' },
        { label: 'inhibitory', start: 2, count: 2, role: 'inh' },
      ],
    } as unknown as RunInfo;
    const w = new SpikeWindow(64);
    w.push(Int32Array.from([1, 2, 3, 4]), Int32Array.from([0, 0, 2, 3]), 1000);
    const fc = fakeCanvas();
    renderRateHistogram(fc.canvas, { spikes: w, info, windowMs: 1000, nowStep: 1000 }, { dpr: 1, width: 500, height: 240 });
    expect(fc.texts).toContain('excitatory: mean 1.0 Hz');
    expect(fc.texts).toContain('inhibitory: mean 1.0 Hz');
    expect(fc.texts).toContain('neurons');
    const empty = fakeCanvas();
    renderRateHistogram(empty.canvas, { spikes: w, info: null, windowMs: 1000, nowStep: 0 }, { dpr: 1, width: 500, height: 240 });
    expect(empty.texts).toContain('no run');
    expect(empty.texts).toContain('firing rate (Hz)');
  });
});
