/**
 * Click scheduling for "hear the spikes": maps simulated time to the audio clock, like the
 * speaker of an electrophysiology rig. No DOM, no WebAudio here (unit-tested with a fake sink).
 *
 * Timing: a spike at step s plays at  t_audio = A + (s − S)·dt / (1000·f)  (seconds), where f is
 * the speed (simulated ms per wall-clock ms) and (A, S) an anchor set when sound (re)starts:
 * A = now + LEAD_S, S = the step the frame began at. Every click is computed from the anchor,
 * never from the previous click, so nothing accumulates (no drift). The anchor is reset (a
 * resync) when the run pauses, steps or is rebuilt, when the speed changes, when a spike would
 * play in the past (frames arrived late), or when the end of a frame lies more than MAX_AHEAD_S
 * ahead of the audio clock (the worker ran ahead of the audio clock): look-ahead stays bounded.
 *
 * Thinning: above MAX_CLICKS_PER_S (per second of audio) only every k-th selected spike clicks,
 * k = ⌈rate / MAX_CLICKS_PER_S⌉, counted across frames; `thin` reports k so the UI can say so.
 */

/** Where clicks go: the WebAudio graph, or a test's recorder. `step` is the spike's step. */
export interface ClickSink {
  click(time: number, step: number): void;
}

export interface SpikeFrameIn {
  runId: number;
  /** Completed steps after this frame. */
  step: number;
  playing: boolean;
  spikeSteps: Int32Array;
  spikeIds: Int32Array;
}

/** Seconds between "now" and the first click after a resync. */
export const LEAD_S = 0.12;
/** Clicks never sit further ahead of the audio clock than this (seconds). */
export const MAX_AHEAD_S = 1.0;
/** Above this many clicks per second of audio, clicks are thinned. */
export const MAX_CLICKS_PER_S = 200;

export class ClickScheduler {
  /** Audio time and step of the anchor; null: resync at the next frame. */
  private anchorTime = 0;
  private anchorStep = 0;
  private anchored = false;
  private factor = 0;
  private runId = -1;
  private lastStep = 0;
  private counter = 0;
  /** 1: every selected spike clicks; k: one in k (the UI says so). */
  thin = 1;
  /** Selected spikes per second of audio in the last frame that had any. */
  rate = 0;
  resyncs = 0;

  constructor(private readonly sink: ClickSink, private dtMs: number) {}

  /** A new run, a seek or a speed change: the next frame re-anchors. */
  resync(): void {
    this.anchored = false;
  }

  /**
   * Schedules the selected spikes of one frame. `mask[id]` ≠ 0 selects neuron id; `factor` is
   * simulated ms per wall-clock ms; `now` the audio clock (s). Returns how many clicks it scheduled.
   */
  push(f: SpikeFrameIn, mask: Uint8Array, factor: number, now: number, dtMs = this.dtMs): number {
    if (f.runId !== this.runId || dtMs !== this.dtMs) {
      this.runId = f.runId;
      this.dtMs = dtMs;
      this.lastStep = firstStep(f);
      this.anchored = false;
    }
    const from = Math.min(this.lastStep, firstStep(f));
    this.lastStep = f.step;
    if (!(factor > 0) || !Number.isFinite(factor)) return 0;
    if (factor !== this.factor) {
      this.factor = factor;
      this.anchored = false;
    }
    const secPerStep = dtMs / 1000 / factor;
    let selected = 0;
    for (let i = 0; i < f.spikeIds.length; i++) if (mask[f.spikeIds[i]]) selected++;
    const span = Math.max(1, f.step - from) * secPerStep;
    if (selected > 0) {
      this.rate = selected / span;
      this.thin = Math.max(1, Math.ceil(this.rate / MAX_CLICKS_PER_S));
    }
    if (this.anchored) {
      const firstAt = this.timeOf(f.spikeSteps.length ? f.spikeSteps[0] : f.step);
      const endAt = this.timeOf(f.step);
      if (firstAt < now || endAt > now + MAX_AHEAD_S) this.anchored = false;
    }
    if (!this.anchored) {
      this.anchorTime = now + LEAD_S;
      this.anchorStep = from;
      this.anchored = true;
      this.resyncs++;
    }
    let n = 0;
    for (let i = 0; i < f.spikeIds.length; i++) {
      if (!mask[f.spikeIds[i]]) continue;
      if (this.counter++ % this.thin !== 0) continue;
      this.sink.click(this.timeOf(f.spikeSteps[i]), f.spikeSteps[i]);
      n++;
    }
    // A paused run (or single steps) plays its frame, then starts afresh with the next one.
    if (!f.playing) this.anchored = false;
    return n;
  }

  private timeOf(step: number): number {
    return this.anchorTime + ((step - this.anchorStep) * this.dtMs) / 1000 / this.factor;
  }
}

function firstStep(f: SpikeFrameIn): number {
  return f.spikeSteps.length ? Math.min(f.spikeSteps[0], f.step) : f.step;
}
