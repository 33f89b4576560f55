/**
 * The full spike history of a run: runs the configuration from step 0 for `steps` steps with a
 * SpikeRecorder attached and returns every spike. Runs are deterministic, so for the config and
 * step of a live run this reproduces its spikes exactly (the fingerprint is returned so callers
 * can check). Refuses, before simulating, a run whose known spike count is over the limit, and
 * stops early if the re-run exceeds it.
 */
import type { RunConfig } from '../config/runConfig';
import { SpikeRecorder } from '../monitors/spikeRecorder';
import { Session } from './session';

/** Most spikes an export holds (8 bytes per spike time plus the recording: ~0.8 GB at the limit). */
export const MAX_EXPORT_SPIKES = 50_000_000;

export type SpikeHistory =
  | { ok: true; steps: Int32Array; ids: Int32Array; neurons: number; dt_ms: number; fingerprint: string; session: Session }
  | { ok: false; reason: string };

/** The refusal message; n = null when the count is only known to exceed the limit. */
export function tooManySpikes(n: number | null, limit = MAX_EXPORT_SPIKES): string {
  return `The run has ${n === null ? `over ${limit.toLocaleString('en-US')}` : n.toLocaleString('en-US')} spikes; ` +
    `exports hold at most ${limit.toLocaleString('en-US')}. Reset and export a shorter run, or run it with the CLI or the PyNN/Brian2 script.`;
}

export function recordSpikeHistory(config: RunConfig, steps: number, knownSpikes = 0, limit = MAX_EXPORT_SPIKES): SpikeHistory {
  if (knownSpikes > limit) return { ok: false, reason: tooManySpikes(knownSpikes, limit) };
  const session = new Session(config);
  const net = session.run.network;
  const rec = net.add(new SpikeRecorder(net, limit));
  const CHUNK = 1000;
  for (let done = 0; done < steps && !rec.overflow; done += CHUNK) session.advance(Math.min(CHUNK, steps - done));
  if (rec.overflow) return { ok: false, reason: tooManySpikes(null, limit) };
  return { ok: true, steps: rec.steps, ids: rec.ids, neurons: net.neurons, dt_ms: session.def.dt_ms, fingerprint: session.fingerprint.fp.hex(), session };
}
