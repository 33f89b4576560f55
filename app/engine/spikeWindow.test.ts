import { describe, expect, it } from 'vitest';
import { RateHistory } from './rateHistory';
import { SpikeWindow } from './spikeWindow';

describe('SpikeWindow', () => {
  it('visits exactly the spikes at or after a step, oldest first', () => {
    const w = new SpikeWindow(16);
    w.push(Int32Array.from([1, 1, 2, 5]), Int32Array.from([3, 4, 0, 9]), 5);
    w.push(Int32Array.from([7, 9]), Int32Array.from([1, 2]), 10);
    const seen: [number, number][] = [];
    w.forEachSince(5, (s, id) => seen.push([s, id]));
    expect(seen).toEqual([[5, 9], [7, 1], [9, 2]]);
    expect(w.lastStep).toBe(10);
  });

  it('overwrites the oldest spikes when full and never visits overwritten ones', () => {
    const w = new SpikeWindow(8);
    const steps = Int32Array.from({ length: 20 }, (_, i) => i);
    w.push(steps, steps, 19);
    expect(w.size).toBe(8);
    const seen: number[] = [];
    w.forEachSince(0, (s) => seen.push(s));
    expect(seen).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
  });
});

describe('RateHistory', () => {
  it('stores bins by index and averages the newest ones', () => {
    const r = new RateHistory(4);
    r.reset(2, 10, 0.1);
    r.push(0, [Float32Array.from([1, 2, 3]), Float32Array.from([10, 20, 30])]);
    r.push(3, [Float32Array.from([4, 5]), Float32Array.from([40, 50])]);
    expect(r.total).toBe(5);
    expect(r.at(0, 0)).toBeNaN(); // overwritten (capacity 4)
    expect(r.at(0, 4)).toBe(5);
    expect(r.recentMean(1, 2)).toBe(45);
  });
});
