/**
 * Run B of an A/B comparison: the same experiment, seed and recorded changes as run A, with one
 * parameter at another value from t = 0. The host advances, rewinds and changes it in lockstep
 * with A (one transport): every live change made to A is made to B too, except changes of the
 * compared parameter itself, which stay A's. B is therefore exactly the separate run whose link is
 * A's configuration with that one initial value changed and that key's recorded changes removed
 * (configFor), and its fingerprint equals that run's at every step.
 */
import type { ABChoice } from '../src-engine/config/viewConfig';
import { checkParam, type RunConfig } from '../src-engine/config/runConfig';
import type { ExperimentDef, PlotSpec } from '../src-engine/experiments/types';
import { SpikeMonitor } from '../src-engine/monitors/spikeMonitor';
import { Session } from '../src-engine/run/session';
import { Timeline } from './timeline';

/** What a frame carries of run B (same instant as run A's part of the frame). */
export interface ABFrame {
  key: string;
  value: number;
  step: number;
  fingerprint: string;
  totalSpikes: number;
  spikeSteps: Int32Array;
  spikeIds: Int32Array;
  droppedSpikes: number;
  rateFirstBin: number;
  rates: Float32Array[];
  /** B's charts when recomputed with A's (null: unchanged). */
  plots: PlotSpec[] | null;
}

/** Why a choice cannot make run B of this experiment, or null when it can. */
export function checkChoice(def: ExperimentDef, choice: ABChoice): string | null {
  const spec = def.params.find((p) => p.key === choice.key);
  if (!spec) return `Run B: ${def.title} has no parameter "${choice.key}"; showing run A only.`;
  const err = checkParam(spec, choice.value);
  return err ? `Run B: ${err}; showing run A only.` : null;
}

/** The configuration of run B as a separate run. */
export function configFor(a: RunConfig, choice: ABChoice): RunConfig {
  return { ...a, params: { ...a.params, [choice.key]: choice.value }, events: a.events.filter((e) => e.key !== choice.key).map((e) => ({ ...e })) };
}

export class ABRun {
  readonly session: Session;
  readonly timeline: Timeline;
  private readonly spikes: SpikeMonitor;
  private spikeCursor = 0;
  private rateCursor = 0;

  /** Builds B and brings it to A's step (replaying from t = 0). */
  constructor(readonly choice: ABChoice, a: RunConfig, aStep: number) {
    this.session = new Session(configFor(a, choice));
    const net = this.session.run.network;
    this.spikes = net.add(new SpikeMonitor(net, 1 << 20));
    this.timeline = new Timeline(this.session, net.clock.dt);
    this.timeline.advance(aStep);
    // The catch-up is not shown: the raster starts at A's present.
    this.spikeCursor = this.spikes.read(0).next;
  }

  advance(n: number): void {
    this.timeline.advance(n);
  }

  seek(step: number): void {
    this.timeline.seek(step);
    this.spikes.clear();
    this.spikeCursor = 0;
    this.rateCursor = 0;
  }

  /** A live change made to A; B follows unless it is the compared parameter. */
  setParam(key: string, value: number): void {
    if (key === this.choice.key) return;
    this.session.setParam(key, value);
    this.timeline.beforeChange();
  }

  frame(withPlots: boolean): ABFrame {
    const s = this.session;
    const batch = this.spikes.read(this.spikeCursor);
    this.spikeCursor = batch.next;
    const rb = s.run.rates.map((m) => m.read(this.rateCursor));
    const first = rb.length ? rb[0].firstBin : 0;
    this.rateCursor = rb.length ? rb[0].next : 0;
    return {
      key: this.choice.key,
      value: this.choice.value,
      step: s.step,
      fingerprint: s.fingerprint.fp.hex(),
      totalSpikes: s.fingerprint.fp.count,
      spikeSteps: batch.steps,
      spikeIds: batch.ids,
      droppedSpikes: batch.dropped,
      rateFirstBin: first,
      rates: rb.map((b) => b.rates),
      plots: withPlots && s.run.plots ? s.run.plots() : null,
    };
  }
}

/** Run B for a choice (none without one; none, with the reason, when it does not fit), its data sets loaded first. */
export async function buildRunB(a: Session, choice: ABChoice | null, ensureDatasets: (experiment: string, params: Record<string, number>) => Promise<void>): Promise<{ run: ABRun | null; problem: string }> {
  if (!choice) return { run: null, problem: '' };
  const problem = checkChoice(a.def, choice);
  if (problem) return { run: null, problem };
  await ensureDatasets(a.def.id, { ...a.params, [choice.key]: choice.value });
  return { run: new ABRun(choice, a.toConfig(), a.step), problem: '' };
}

/** Buffers of a B frame to transfer rather than copy. */
export function abTransferables(b: ABFrame | null): ArrayBuffer[] {
  if (!b) return [];
  const out: ArrayBuffer[] = [b.spikeSteps.buffer as ArrayBuffer, b.spikeIds.buffer as ArrayBuffer, ...b.rates.map((r) => r.buffer as ArrayBuffer)];
  for (const p of b.plots ?? []) if (p.kind === 'surface') out.push(p.values.buffer as ArrayBuffer);
  return out;
}
