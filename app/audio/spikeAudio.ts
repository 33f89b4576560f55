/**
 * "Hear the spikes": the WebAudio side. Off by default; the AudioContext is created on the
 * first user gesture that turns sound on. Spikes of the chosen neuron, layer or raster
 * selection become short clicks (a 3 ms biphasic pulse, like an ephys rig's speaker) scheduled
 * on the audio clock by ClickScheduler from simulated time at the current speed; a pitch
 * source instead drives a sine whose frequency follows a rate (ratePitch.ts).
 * Test tap: `window.__spikeAudio.steps` lists the step of every click handed to the graph
 * (bounded), so e2e tests compare it with the neuron's spikes without listening.
 */
import type { Frame, RasterSelection, RunInfo } from '../../workers/simApi';
import { selectNeurons } from '../engine/neuronSelection';
import { live } from '../engine/frameBus';
import { ClickScheduler, type ClickSink } from './clickScheduler';
import { pitchHz, seriesRange } from './ratePitch';

/** What to listen to: one neuron, a layer, the raster's selection, or a pitch that follows a rate. */
export type SoundSource =
  | { kind: 'neuron'; id: number }
  | { kind: 'layer'; index: number }
  | { kind: 'raster' }
  | { kind: 'layer-rate'; index: number }
  | { kind: 'series'; plot: string; series: number };

export interface SoundState {
  enabled: boolean;
  /** 0–1 (the UI shows per cent). */
  volume: number;
  source: SoundSource;
  /** 1: every spike clicks; k > 1: one click per k spikes (too many to hear apart). */
  thin: number;
  /** Selected spikes per second of sound, last frame with spikes. */
  rate: number;
  /** Current pitch (Hz) of a rate source; NaN otherwise. */
  pitch: number;
  /** Why sound is not playing, if it cannot (no WebAudio). */
  problem: string;
}

let state: SoundState = { enabled: false, volume: 0.5, source: { kind: 'neuron', id: 0 }, thin: 1, rate: 0, pitch: NaN, problem: '' };
const listeners = new Set<() => void>();
const TAP_MAX = 200_000;
const tap = { steps: [] as number[], scheduled: 0 };
(globalThis as { __spikeAudio?: typeof tap }).__spikeAudio = tap;

function set(patch: Partial<SoundState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}
export const subscribeSound = (fn: () => void) => (listeners.add(fn), () => void listeners.delete(fn));
export const soundState = () => state;

let ctx: AudioContext | null = null;
let master: GainNode | null = null;
let clickBuffer: AudioBuffer | null = null;
let osc: OscillatorNode | null = null;
let oscGain: GainNode | null = null;

const sink: ClickSink = {
  click(time, step) {
    tap.scheduled++;
    if (tap.steps.length < TAP_MAX) tap.steps.push(step);
    if (!ctx || !master || !clickBuffer) return;
    const src = new AudioBufferSourceNode(ctx, { buffer: clickBuffer });
    src.connect(master);
    src.start(Math.max(time, ctx.currentTime));
  },
};
const scheduler = new ClickScheduler(sink, 0.1);

/** A 3 ms biphasic pulse: a sharp positive lobe then a slower negative one. */
function makeClick(c: AudioContext): AudioBuffer {
  const n = Math.round(c.sampleRate * 0.003);
  const b = c.createBuffer(1, n, c.sampleRate);
  const d = b.getChannelData(0);
  for (let i = 0; i < n; i++) {
    const t = i / c.sampleRate;
    d[i] = Math.exp(-t / 0.0003) - 0.6 * Math.exp(-t / 0.0009) * (1 - Math.exp(-t / 0.0002));
  }
  return b;
}

export function setSoundEnabled(on: boolean): void {
  if (on && !ctx) {
    const AC = globalThis.AudioContext;
    if (!AC) {
      set({ problem: 'This browser has no Web Audio.' });
      return;
    }
    ctx = new AC();
    master = new GainNode(ctx, { gain: state.volume });
    master.connect(ctx.destination);
    clickBuffer = makeClick(ctx);
  }
  if (ctx) void (on ? ctx.resume() : ctx.suspend());
  scheduler.resync();
  tap.steps.length = 0;
  set({ enabled: on, problem: '', thin: 1, rate: 0 });
  updatePitchNode();
}

export function setSoundVolume(v: number): void {
  const volume = Math.min(1, Math.max(0, v));
  if (ctx && master) master.gain.setTargetAtTime(volume, ctx.currentTime, 0.02);
  set({ volume });
}

export function setSoundSource(source: SoundSource): void {
  scheduler.resync();
  tap.steps.length = 0;
  set({ source, thin: 1, rate: 0 });
  updatePitchNode();
}

/** The run was rebuilt or moved in time: clicks re-anchor at the next frame. */
export function resyncSound(): void {
  scheduler.resync();
}

let maskKey = '';
let mask = new Uint8Array(0);

/** Neurons whose spikes click (cached per run, source and raster selection). */
export function soundMask(info: RunInfo, source: SoundSource, raster: RasterSelection): Uint8Array {
  const key = `${info.runId}|${JSON.stringify(source)}|${JSON.stringify(raster)}`;
  if (key === maskKey) return mask;
  maskKey = key;
  mask = new Uint8Array(info.neurons);
  if (source.kind === 'neuron' && source.id >= 0 && source.id < info.neurons) mask[source.id] = 1;
  else if (source.kind === 'layer' && info.layers[source.index]) {
    const l = info.layers[source.index];
    mask.fill(1, l.start, l.start + l.count);
  } else if (source.kind === 'raster') {
    const row = selectNeurons(info, raster).row;
    for (let i = 0; i < row.length; i++) mask[i] = row[i] >= 0 ? 1 : 0;
  }
  return mask;
}

/** Called by the frame loop with every frame of the current run. */
export function feedSound(f: Frame, info: RunInfo, speed: number, raster: RasterSelection): void {
  if (!state.enabled || !ctx) return;
  const src = state.source;
  if (src.kind === 'series' || src.kind === 'layer-rate') {
    updatePitch(src);
    return;
  }
  const factor = Number.isFinite(speed) ? speed / 1000 : f.realtimeFactor;
  scheduler.push(f, soundMask(info, src, raster), factor, ctx.currentTime, info.dt_ms);
  if (scheduler.thin !== state.thin || Math.abs(scheduler.rate - state.rate) > 0.05 * state.rate + 0.5) set({ thin: scheduler.thin, rate: scheduler.rate });
}

function updatePitchNode(): void {
  const wantsPitch = state.enabled && (state.source.kind === 'series' || state.source.kind === 'layer-rate');
  if (!ctx || !master) return;
  if (wantsPitch && !osc) {
    oscGain = new GainNode(ctx, { gain: 0.25 });
    osc = new OscillatorNode(ctx, { type: 'sine', frequency: 440 });
    osc.connect(oscGain).connect(master);
    osc.start();
  } else if (!wantsPitch && osc) {
    osc.stop();
    osc.disconnect();
    osc = null;
    oscGain = null;
    set({ pitch: NaN });
  }
}

function updatePitch(src: Extract<SoundSource, { kind: 'series' | 'layer-rate' }>): void {
  if (!ctx || !osc) return;
  let r: { last: number; min: number; max: number } | null = null;
  if (src.kind === 'series') {
    const p = live.plots.find((q) => q.id === src.plot);
    const s = p && (p.kind ?? 'xy') === 'xy' && 'series' in p ? p.series[src.series] : undefined;
    r = s ? seriesRange(s.y) : null;
  } else {
    const v = live.rates.recentMean(src.index, 10);
    r = Number.isFinite(v) ? { last: v, min: 0, max: 100 } : null;
  }
  const hz = r ? pitchHz(r.last, r.min, r.max) : NaN;
  if (!Number.isFinite(hz)) return;
  osc.frequency.setTargetAtTime(hz, ctx.currentTime, 0.05);
  if (Math.abs(hz - state.pitch) > 0.5 || !Number.isFinite(state.pitch)) set({ pitch: hz });
}
