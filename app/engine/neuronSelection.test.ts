import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../../workers/simApi';
import { sampleIds, selectedSpikes, selectNeurons } from './neuronSelection';
import { SpikeWindow } from './spikeWindow';

const info = { neurons: 100, layers: [{ label: 'E', start: 0, count: 80, role: 'exc' }, { label: 'I', start: 80, count: 20, role: 'inh' }] } as unknown as RunInfo;

describe('neuron selection for the raster', () => {
  it('a sample is evenly spaced, distinct, and keeps each layer its share', () => {
    const ids = sampleIds(100, 10);
    expect(Array.from(ids)).toEqual([5, 15, 25, 35, 45, 55, 65, 75, 85, 95]);
    const s = selectNeurons(info, { mode: 'sample', n: 10 });
    expect(s.shown).toBe(10);
    expect(s.info.layers.map((l) => [l.label, l.start, l.count])).toEqual([['E', 0, 8], ['I', 8, 2]]);
  });

  it('a range keeps only its layers, renumbered from 0; out-of-range bounds are clipped', () => {
    const s = selectNeurons(info, { mode: 'range', from: 70, to: 500 });
    expect(s.shown).toBe(30);
    expect(s.info.layers.map((l) => [l.label, l.start, l.count])).toEqual([['E', 0, 10], ['I', 10, 20]]);
    expect(s.row[69]).toBe(-1);
    expect(s.row[70]).toBe(0);
  });

  it('the spike view renumbers and filters spikes and reads everything else through', () => {
    const w = new SpikeWindow(16);
    w.push(Int32Array.from([1, 2, 3, 4]), Int32Array.from([5, 70, 71, 99]), 5);
    const s = selectNeurons(info, { mode: 'range', from: 70, to: 80 });
    const v = selectedSpikes(w, s.row);
    const seen: [number, number][] = [];
    v.forEachSince(0, (step, id) => seen.push([step, id]));
    expect(seen).toEqual([[2, 0], [3, 1]]);
    expect(v.total).toBe(4);
    expect(v.lastStep).toBe(5);
    w.push(Int32Array.from([6]), Int32Array.from([72]), 7);
    expect(v.total).toBe(5);
  });
});
