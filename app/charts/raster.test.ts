import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../../workers/simApi';
import { SpikeWindow } from '../engine/spikeWindow';
import { fakeCanvas, pixelAt } from './fakeCanvas';
import { bandOf, layerOf, packColor, renderRaster, saturationCount } from './raster';

function info(nE: number, nI: number): RunInfo {
  return {
    neurons: nE + nI,
    dt_ms: 0.1,
    layers: [
      { label: 'excitatory', start: 0, count: nE, role: 'exc' },
      { label: 'inhibitory', start: nE, count: nI, role: 'inh' },
    ],
  } as unknown as RunInfo;
}

describe('raster helpers', () => {
  it('maps neurons onto bands monotonically, 0 at the top, within range', () => {
    const n = 10000, bands = 317;
    let prev = -1;
    for (let id = 0; id < n; id++) {
      const b = bandOf(id, n, bands);
      expect(b).toBeGreaterThanOrEqual(prev);
      expect(b).toBeLessThan(bands);
      prev = b;
    }
    expect(bandOf(0, n, bands)).toBe(0);
    expect(bandOf(n - 1, n, bands)).toBe(bands - 1);
  });

  it('packs colours as little-endian RGBA and blends with white', () => {
    const bytes = (w: number) => [...new Uint8Array(new Uint32Array([w]).buffer)];
    expect(bytes(packColor('#1f6fd1'))).toEqual([0x1f, 0x6f, 0xd1, 0xff]);
    expect(bytes(packColor('#000000', 0.5))).toEqual([128, 128, 128, 255]);
  });

  it('finds the layer of a neuron and the saturation count of shared rows', () => {
    const layers = info(80, 20).layers;
    expect([0, 79, 80, 99].map((id) => layerOf(layers, id))).toEqual([0, 0, 1, 1]);
    expect(saturationCount(0.5)).toBe(1);
    expect(saturationCount(3)).toBe(1);
    expect(saturationCount(27)).toBe(7);
    expect(saturationCount(1000)).toBe(32);
  });
});

describe('renderRaster', () => {
  const opts = { dpr: 1, width: 800, height: 400 };

  it('draws only spikes inside the scrolling window, at their time and neuron, in layer colours', () => {
    const w = new SpikeWindow(64);
    // dt 0.1 ms; now = step 20000 (2 s) → window [1 s, 2 s) = steps [10000, 20000).
    w.push(Int32Array.from([5000, 9999, 10000, 15000, 15000]), Int32Array.from([3, 3, 0, 10, 90]), 20000);
    const fc = fakeCanvas();
    const { drawn } = renderRaster(fc.canvas, { spikes: w, info: info(80, 20), windowMs: 1000, nowStep: 20000 }, opts);
    expect(drawn).toBe(3);
    const img = fc.put!.image;
    expect(fc.canvas.width).toBe(800);
    // Column of t = 1.5 s is half way; neuron 10 of 100 sits 10 % down, neuron 90 at 90 %.
    const col = Math.floor(img.width / 2);
    const rowOfId = (id: number) => Math.floor(((id + 0.5) / 100) * img.height);
    expect(pixelAt(img, col, rowOfId(10))).toEqual([0x1f, 0x6f, 0xd1, 255]);
    expect(pixelAt(img, col, rowOfId(90))).toEqual([0xd1, 0x34, 0x3f, 255]);
    expect(pixelAt(img, col, rowOfId(50))).toEqual([255, 255, 255, 255]);
    // The spike at the window start lands in column 0, row of neuron 0.
    expect(pixelAt(img, 0, rowOfId(0))).toEqual([0x1f, 0x6f, 0xd1, 255]);
    expect(fc.texts).toContain('excitatory');
    expect(fc.texts).toContain('inhibitory');
    expect(fc.texts).toContain('time (s)');
    expect(fc.texts).toContain('neuron');
  });

  it('starts the window at 0 early in a run and draws an empty framed plot without a run', () => {
    const w = new SpikeWindow(64);
    w.push(Int32Array.from([0, 10]), Int32Array.from([1, 2]), 11);
    expect(renderRaster(fakeCanvas().canvas, { spikes: w, info: info(8, 2), windowMs: 1000, nowStep: 11 }, opts).drawn).toBe(2);
    const fc = fakeCanvas();
    expect(renderRaster(fc.canvas, { spikes: w, info: null, windowMs: 1000, nowStep: 11 }, opts).drawn).toBe(0);
    expect(fc.texts).toContain('no run');
    expect(fc.texts).toContain('time (s)');
  });

  it('shades shared rows by spike count when neurons outnumber pixel rows', () => {
    const w = new SpikeWindow(64);
    // Neuron 9999 spikes once at 1.25 s; neurons 0..19 (all in the top row) spike together at 1.5 s.
    const steps = [12500, ...Array.from({ length: 20 }, () => 15000)];
    const ids = [9999, ...Array.from({ length: 20 }, (_, i) => i)];
    w.push(Int32Array.from(steps), Int32Array.from(ids), 20000);
    const fc = fakeCanvas();
    const { drawn } = renderRaster(fc.canvas, { spikes: w, info: info(8000, 2000), windowMs: 1000, nowStep: 20000 }, opts);
    expect(drawn).toBe(21);
    const img = fc.put!.image;
    const bytes = (word: number) => [...new Uint8Array(new Uint32Array([word]).buffer)];
    expect(pixelAt(img, Math.floor(img.width / 2), 0)).toEqual(bytes(packColor('#1f6fd1')));
    expect(pixelAt(img, Math.floor(img.width / 4), img.height - 1)).toEqual(bytes(packColor('#d1343f', 0.6)));
  });

  it('handles 10,000 neurons and 300k spikes in the window, reusing its buffers', () => {
    const n = 10000, spikesN = 300_000, steps = 10000;
    const w = new SpikeWindow(1 << 20);
    const s = new Int32Array(spikesN), ids = new Int32Array(spikesN);
    for (let i = 0; i < spikesN; i++) {
      s[i] = Math.floor((i * steps) / spikesN);
      ids[i] = (i * 7919) % n;
    }
    w.push(s, ids, steps);
    const fc = fakeCanvas();
    const data = { spikes: w, info: info(8000, 2000), windowMs: 1000, nowStep: steps };
    const big = { dpr: 2, width: 1200, height: 420 };
    renderRaster(fc.canvas, data, big);
    const first = fc.put!.image;
    const { drawn } = renderRaster(fc.canvas, data, { ...big, maxRows: 200 });
    expect(drawn).toBe(spikesN);
    expect(fc.put!.image).toBe(first); // the image buffer is reused, not reallocated per frame
  });
});
