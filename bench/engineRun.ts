/**
 * One timed engine run of a benchmark network through Session (as the app's worker and the CLI
 * run it). Building the network is timed apart from the simulation.
 */
import { Session } from '../src-engine/run/session';
import type { BenchNet } from './networks';

export interface EngineResult {
  name: string;
  neurons: number;
  synapses: number;
  sim_ms: number;
  wall_ms: number;
  build_ms: number;
  realtime_factor: number;
  spikes: number;
  mean_rate_hz: number;
  synaptic_events_per_s: number;
  fingerprint: string;
}

export function engineOnce(net: BenchNet): EngineResult {
  const t0 = performance.now();
  const s = new Session(net.config());
  // Collect the garbage of earlier runs and of the build now, not inside the timed loop (the
  // bench runs with --expose-gc; elsewhere gc is absent and this does nothing).
  (globalThis as { gc?: () => void }).gc?.();
  const t1 = performance.now();
  const steps = Math.round(net.sim_ms / s.run.network.clock.dt);
  s.advance(steps);
  const t2 = performance.now();
  const sum = s.summary();
  const wall = t2 - t1;
  return {
    name: net.name,
    neurons: sum.neurons,
    synapses: sum.synapses,
    sim_ms: net.sim_ms,
    wall_ms: round(wall, 1),
    build_ms: round(t1 - t0, 1),
    realtime_factor: round(net.sim_ms / wall, 2),
    spikes: sum.spikes,
    mean_rate_hz: round((sum.spikes * 1000) / (sum.neurons * net.sim_ms), 2),
    synaptic_events_per_s: Math.round(s.run.network.deliveredEvents / (wall / 1000)),
    fingerprint: sum.fingerprint,
  };
}

export function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** The middle element by `key` (the upper middle for an even count). */
export function medianBy<T>(xs: T[], key: (x: T) => number): T {
  const sorted = [...xs].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The machine's speed at the moment: ns per element of a dependent float64 multiply-add chain
 * over 2·10⁷ elements (best of three). On a shared virtual machine this moves with the host's
 * load, and every wall time with it; the ratios against Brian2, taken round by round, do not.
 */
export function speedIndex(): number {
  const a = new Float64Array(1 << 20).fill(1.5);
  let best = Infinity;
  for (let r = 0; r < 4; r++) {
    const t0 = performance.now();
    const s = chain(a);
    const ns = ((performance.now() - t0) * 1e6) / (20 * a.length);
    if (r > 0 && s > 0) best = Math.min(best, ns); // the first pass warms the JIT up
  }
  return round(best, 2);
}

function chain(a: Float64Array): number {
  let s = 0;
  for (let k = 0; k < 20; k++) for (let i = 0; i < a.length; i++) s += a[i] * 1.0000001;
  return s;
}
