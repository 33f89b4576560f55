import { describe, expect, it } from 'vitest';
import { ClickScheduler, LEAD_S, MAX_AHEAD_S, MAX_CLICKS_PER_S } from './clickScheduler';

class Recorder {
  clicks: { time: number; step: number }[] = [];
  click(time: number, step: number) {
    this.clicks.push({ time, step });
  }
}

/** A frame covering steps [from, to) with a spike of neuron `id` every `every` steps. */
function frame(from: number, to: number, every: number, id = 3, playing = true, runId = 1) {
  const steps: number[] = [];
  for (let s = from; s < to; s++) if (s % every === 0) steps.push(s);
  return { runId, step: to, playing, spikeSteps: Int32Array.from(steps), spikeIds: Int32Array.from(steps.map(() => id)) };
}

const mask = (n: number, ...ids: number[]) => {
  const m = new Uint8Array(n);
  for (const i of ids) m[i] = 1;
  return m;
};

describe('ClickScheduler', () => {
  it('places every click at the anchor plus simulated time / speed: no drift over a long run', () => {
    const rec = new Recorder();
    const s = new ClickScheduler(rec, 0.1);
    const m = mask(10, 3);
    let now = 5;
    // 100,000 frames of 16 ms at 1× real time (160 steps each), spikes every 97 steps (103 Hz).
    for (let k = 0; k < 100_000; k++) {
      s.push(frame(k * 160, (k + 1) * 160, 97), m, 1, now);
      now += 0.016;
    }
    expect(s.resyncs).toBe(1);
    const a = rec.clicks[0];
    expect(a.time).toBeCloseTo(5 + LEAD_S + (a.step * 0.1) / 1000, 9);
    const last = rec.clicks[rec.clicks.length - 1];
    // 1,600 s later the spacing is still exactly simulated time (no accumulated error).
    expect(last.time - a.time).toBeCloseTo(((last.step - a.step) * 0.1) / 1000, 9);
    expect(rec.clicks.length).toBe(Math.ceil(16_000_000 / 97));
  });

  it('scales with speed and resyncs when the speed changes', () => {
    const rec = new Recorder();
    const s = new ClickScheduler(rec, 0.1);
    const m = mask(10, 3);
    s.push(frame(0, 1000, 100), m, 0.5, 0); // 0.5×: 100 steps = 10 ms sim = 20 ms audio
    expect(rec.clicks[1].time - rec.clicks[0].time).toBeCloseTo(0.02, 12);
    s.push(frame(1000, 2000, 100), m, 2, 0.2);
    expect(s.resyncs).toBe(2);
    const k = rec.clicks.findIndex((c) => c.step === 1000);
    expect(rec.clicks[k].time).toBeCloseTo(0.2 + LEAD_S, 12);
    expect(rec.clicks[k + 1].time - rec.clicks[k].time).toBeCloseTo(0.005, 12);
  });

  it('never schedules into the past and keeps the look-ahead bounded', () => {
    const rec = new Recorder();
    const s = new ClickScheduler(rec, 1);
    const m = mask(10, 3);
    let now = 0;
    // The worker runs ahead of the audio clock (frames of 50 ms of simulated time every 10 ms)…
    for (let k = 0; k < 200; k++) {
      const before = rec.clicks.length;
      s.push(frame(k * 50, (k + 1) * 50, 7), m, 1, now);
      for (const c of rec.clicks.slice(before)) {
        expect(c.time).toBeGreaterThanOrEqual(now);
        expect(c.time).toBeLessThanOrEqual(now + MAX_AHEAD_S + 0.05 + 1e-9);
      }
      now += 0.01;
    }
    // …then lags behind it (frames of 5 ms every 50 ms).
    for (let k = 0; k < 100; k++) {
      const before = rec.clicks.length;
      s.push(frame(10_000 + k * 5, 10_000 + (k + 1) * 5, 7), m, 1, now);
      for (const c of rec.clicks.slice(before)) expect(c.time).toBeGreaterThanOrEqual(now);
      now += 0.05;
    }
    expect(s.resyncs).toBeGreaterThan(2);
  });

  it('plays only the selected neurons, and every one of their spikes below the thinning rate', () => {
    const rec = new Recorder();
    const s = new ClickScheduler(rec, 0.1);
    const f = { runId: 1, step: 1000, playing: true, spikeSteps: Int32Array.from([1, 2, 3, 4, 5, 6]), spikeIds: Int32Array.from([0, 1, 2, 1, 0, 1]) };
    expect(s.push(f, mask(3, 1), 1, 0)).toBe(3);
    expect(rec.clicks.map((c) => c.step)).toEqual([2, 4, 6]);
    expect(s.thin).toBe(1);
  });

  it('thins clicks above the rate limit and reports by how much', () => {
    const rec = new Recorder();
    const s = new ClickScheduler(rec, 1);
    const m = mask(1, 0);
    // 1,000 spikes per second of audio: every step (1 ms) at 1×.
    const n = s.push(frame(0, 1000, 1, 0), m, 1, 0);
    expect(s.rate).toBeCloseTo(1000, 6);
    expect(s.thin).toBe(Math.ceil(1000 / MAX_CLICKS_PER_S));
    expect(n).toBe(1000 / s.thin);
  });

  it('resyncs after a pause and for a new run', () => {
    const rec = new Recorder();
    const s = new ClickScheduler(rec, 1);
    const m = mask(10, 3);
    s.push(frame(0, 100, 10, 3, false), m, 1, 0);
    s.push(frame(100, 200, 10, 3, false), m, 1, 50);
    expect(rec.clicks.find((c) => c.step === 100)!.time).toBeCloseTo(50 + LEAD_S, 12);
    s.push(frame(0, 100, 10, 3, true, 2), m, 1, 60);
    expect(rec.clicks[rec.clicks.length - 10].time).toBeCloseTo(60 + LEAD_S, 12);
    expect(s.resyncs).toBe(3);
  });
});
