/**
 * Writes a run's spikes as an NWB 2.x file (Neurodata Without Borders, core namespace 2.6.0) with
 * h5wasm, in the browser's worker and in Node alike (the caller passes the loaded h5wasm module, so
 * the engine itself does no I/O and does not load WebAssembly).
 *
 * Layout (what pynwb and NWB widgets read):
 *   /  attrs namespace="core", neurodata_type="NWBFile", nwb_version, object_id;
 *      datasets file_create_date [ISO 8601], identifier, session_description, session_start_time,
 *      timestamps_reference_time;
 *   /acquisition /analysis /processing /stimulus/{presentation,templates}  (empty)
 *   /general/{experiment_description, session_id, notes (the run as JSON: experiment, seed,
 *      parameters in effect, initial parameters and recorded changes, link, steps, dt, fingerprint),
 *      source_script (the link), data_collection}
 *   /units  (Units, a DynamicTable): id (ElementIdentifiers: neuron ids 0..N−1), spike_times
 *      (VectorData, s, resolution = dt), spike_times_index (VectorIndex, target → spike_times).
 * object_ids are UUID-shaped hashes of (identifier, path): the same run gives the same file.
 * /specifications (cached schema) is not written: the file relies on the reader's NWB core schema.
 */
import type { SpikeTrains } from './spikeTrains';

export const NWB_VERSION = '2.6.0';

/** The subset of the h5wasm module this writer uses (`(await import('h5wasm')).default`). */
export type H5wasm = typeof import('h5wasm').default;

export interface NwbRunMeta {
  experiment: string;
  title: string;
  seed: number;
  steps: number;
  dt_ms: number;
  neurons: number;
  fingerprint: string;
  /** Parameters in effect at the last step. */
  params: Record<string, number>;
  /** The reproducible configuration (initial parameters and recorded changes), as JSON-able data. */
  config: unknown;
  link: string;
  /** ISO 8601 times: when the run started and when the file is written. */
  startTime: string;
  createdTime: string;
}

/** 32-bit FNV-1a over a string, salted. */
function fnv(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A version-4-shaped UUID derived from the text (deterministic). */
export function objectId(text: string): string {
  const hex = [0, 1, 2, 3].map((s) => fnv(text, s * 0x9e3779b9).toString(16).padStart(8, '0')).join('');
  const v = hex.slice(0, 12) + '4' + hex.slice(13, 16) + ((parseInt(hex[16], 16) & 3) | 8).toString(16) + hex.slice(17, 32);
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}

let fileCounter = 0;

/** The NWB file's bytes. */
export async function writeNwb(h5: H5wasm, meta: NwbRunMeta, trains: SpikeTrains): Promise<Uint8Array> {
  const { FS } = await h5.ready;
  if (!FS) throw new Error('h5wasm has no in-memory file system');
  const path = `/plasticity-playground-${++fileCounter}.nwb`;
  const identifier = `plasticity-playground/${meta.experiment}/seed-${meta.seed}/step-${meta.steps}/${meta.fingerprint}`;
  type Obj = { create_attribute(name: string, data: string | string[] | number): void };
  const typed = (o: Obj, at: string, type: string, namespace = 'core') => {
    o.create_attribute('namespace', namespace);
    o.create_attribute('neurodata_type', type);
    o.create_attribute('object_id', objectId(`${identifier}${at}`));
  };
  const f = new h5.File(path, 'w');
  try {
    typed(f, '/', 'NWBFile');
    f.create_attribute('nwb_version', NWB_VERSION);
    f.create_dataset({ name: 'file_create_date', data: [meta.createdTime] });
    f.create_dataset({ name: 'identifier', data: identifier });
    f.create_dataset({
      name: 'session_description',
      data: `${meta.experiment}: ${meta.title}. Plasticity Playground run, seed ${meta.seed}, ${meta.steps} steps of ${meta.dt_ms} ms (${(meta.steps * meta.dt_ms) / 1000} s simulated).`,
    });
    f.create_dataset({ name: 'session_start_time', data: meta.startTime });
    f.create_dataset({ name: 'timestamps_reference_time', data: meta.startTime });
    for (const g of ['acquisition', 'analysis', 'processing', 'stimulus']) f.create_group(g);
    f.create_group('stimulus/presentation');
    f.create_group('stimulus/templates');
    const general = f.create_group('general');
    general.create_dataset({ name: 'experiment_description', data: `${meta.experiment}: ${meta.title}` });
    general.create_dataset({ name: 'session_id', data: meta.fingerprint });
    general.create_dataset({
      name: 'notes',
      data: JSON.stringify({
        experiment: meta.experiment, seed: meta.seed, steps: meta.steps, dt_ms: meta.dt_ms, neurons: meta.neurons,
        fingerprint: meta.fingerprint, params: meta.params, config: meta.config, link: meta.link,
      }),
    });
    general.create_dataset({ name: 'source_script', data: meta.link }).create_attribute('file_name', 'Plasticity Playground link');
    general.create_dataset({
      name: 'data_collection',
      data: 'Simulated by the Plasticity Playground engine (deterministic from the seed; the link reproduces the run spike for spike). ' +
        'spike_times = step * dt of the step in which the neuron crossed threshold.',
    });
    const units = f.create_group('units');
    typed(units, '/units', 'Units');
    units.create_attribute('colnames', ['spike_times']);
    units.create_attribute('description', `Spike trains of all ${meta.neurons} neurons of the run (id = the app's global neuron index).`);
    const ids = new Int32Array(meta.neurons);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    typed(units.create_dataset({ name: 'id', data: ids }), '/units/id', 'ElementIdentifiers', 'hdmf-common');
    const st = units.create_dataset({ name: 'spike_times', data: trains.times, shape: [trains.times.length], dtype: '<d' });
    typed(st, '/units/spike_times', 'VectorData', 'hdmf-common');
    st.create_attribute('description', 'the spike times for each unit in seconds');
    st.create_attribute('resolution', meta.dt_ms / 1000);
    const ix = units.create_dataset({ name: 'spike_times_index', data: trains.index, shape: [trains.index.length], dtype: '<I' });
    typed(ix, '/units/spike_times_index', 'VectorIndex', 'hdmf-common');
    ix.create_attribute('description', 'Index for VectorData spike_times');
    ix.create_attribute('target', st.create_reference());
  } finally {
    f.close();
  }
  const bytes = FS.readFile(path);
  FS.unlink(path);
  return bytes;
}
