/**
 * "Download spikes (NWB)": the full spike history of a run as an NWB 2.x file. The run is
 * re-simulated from step 0 to its current step with every spike recorded (runs are deterministic,
 * so this is exactly the run's spikes; the re-run's fingerprint is checked against the run's), then
 * grouped into the Units table and written with h5wasm (nwbFile.ts). Runs with more than
 * MAX_EXPORT_SPIKES spikes are refused with a message before anything is simulated.
 */
import { toWire, type RunConfig } from '../../config/runConfig';
import { recordSpikeHistory } from '../../run/spikeHistory';
import { writeNwb, type H5wasm } from './nwbFile';
import { spikeTrains } from './spikeTrains';

export type NwbExport =
  | { readonly ok: true; readonly filename: string; readonly bytes: Uint8Array; readonly spikes: number }
  | { readonly ok: false; readonly reason: string };

export interface NwbRequest {
  config: RunConfig;
  /** Steps to export (the run's current step). */
  steps: number;
  /** Spikes the run has so far (to refuse before re-simulating), and its fingerprint (to check the re-run); optional. */
  knownSpikes?: number;
  expectedFingerprint?: string;
  link: string;
  startTime: string;
  createdTime: string;
}

export function nwbFilename(id: string, seed: number, steps: number): string {
  return `${id}-seed${seed}-step${steps}.nwb`;
}

export async function exportNwb(h5: H5wasm, r: NwbRequest): Promise<NwbExport> {
  const h = recordSpikeHistory(r.config, r.steps, r.knownSpikes ?? 0);
  if (!h.ok) return h;
  if (r.expectedFingerprint && h.fingerprint !== r.expectedFingerprint) {
    return { ok: false, reason: `the re-run from step 0 did not reproduce the run (fingerprint ${h.fingerprint}, run ${r.expectedFingerprint}); nothing was exported` };
  }
  const s = h.session;
  const bytes = await writeNwb(h5, {
    experiment: s.def.id, title: s.def.title, seed: r.config.seed, steps: r.steps, dt_ms: h.dt_ms, neurons: h.neurons,
    fingerprint: h.fingerprint, params: { ...s.params }, config: toWire(r.config), link: r.link, startTime: r.startTime, createdTime: r.createdTime,
  }, spikeTrains(h.steps, h.ids, h.neurons, h.dt_ms));
  return { ok: true, filename: nwbFilename(s.def.id, r.config.seed, r.steps), bytes, spikes: h.steps.length };
}
