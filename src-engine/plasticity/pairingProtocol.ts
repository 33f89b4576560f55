/**
 * Event-driven pairing protocol on a single synapse: n pre/post pairs at frequency f, the
 * postsynaptic spike Δt = t_post − t_pre after the presynaptic one (Δt < 0: post first).
 * Traces decay exactly between events, so a 0.1 Hz protocol costs as little as a 50 Hz one and
 * the result does not depend on a time step. Δw is the total change from w0 (additive).
 */
import type { PairwiseRule } from './pairwiseRule';

export interface PairingProtocol {
  /** t_post − t_pre (ms). */
  dt_ms: number;
  /** Pairing frequency (Hz). */
  freq_hz: number;
  /** Number of pairings. */
  n: number;
}

/** Runs the protocol with a fresh 1×1 rule from `makeRule` and returns Δw. */
export function pairingDw(makeRule: () => PairwiseRule, proto: PairingProtocol, w0 = 0): number {
  const rule = makeRule();
  const w = new Float32Array([w0]);
  const period = 1000 / proto.freq_hz;
  const events: { t: number; pre: boolean }[] = [];
  for (let k = 0; k < proto.n; k++) {
    const tPre = k * period + Math.max(0, -proto.dt_ms);
    events.push({ t: tPre, pre: true }, { t: tPre + proto.dt_ms, pre: false });
  }
  // Time order; at equal times the presynaptic spike is processed first (as in the network).
  events.sort((a, b) => a.t - b.t || (a.pre === b.pre ? 0 : a.pre ? -1 : 1));
  let now = 0;
  for (const e of events) {
    if (e.t > now) rule.decay(e.t - now);
    now = e.t;
    if (e.pre) rule.onPre(0, w, 1);
    else rule.onPost(0, w, 1, 1);
  }
  return w[0] - w0;
}

/** Δw over a range of Δt values (the STDP window curve). */
export function stdpWindow(makeRule: () => PairwiseRule, dts: number[], freq_hz: number, n: number, w0 = 0): { dt_ms: number; dw: number }[] {
  return dts.map((dt_ms) => ({ dt_ms, dw: pairingDw(makeRule, { dt_ms, freq_hz, n }, w0) }));
}
