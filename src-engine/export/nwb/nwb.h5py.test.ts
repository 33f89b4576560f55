/**
 * The NWB export read back by Debian's python3-h5py (scripts/ensure-h5py.sh installs it): the
 * units' spike counts and times equal the app's spikes (collected here independently with a large
 * SpikeMonitor), and the attributes and datasets an NWB reader expects are present. Also: the
 * spike-count limit refuses before simulating, and the layout of spikeTrains.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import h5wasm from 'h5wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../../config/runConfig';
import { SpikeMonitor } from '../../monitors/spikeMonitor';
import { Session } from '../../run/session';
import { recordSpikeHistory } from '../../run/spikeHistory';
import { exportNwb } from './index';
import { spikeTrains } from './spikeTrains';

const PYTHON = process.env.H5PY_PYTHON ?? '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'nwb-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const READER = `
import h5py, json, sys
f = h5py.File(sys.argv[1], 'r')
u = f['units']
s = lambda x: x.decode() if isinstance(x, bytes) else str(x)
idx = u['spike_times_index'][()]
times = u['spike_times'][()]
target = f[u['spike_times_index'].attrs['target']]
print(json.dumps({
  'root': {k: s(f.attrs[k]) for k in ('namespace', 'neurodata_type', 'nwb_version', 'object_id')},
  'datasets': {k: s(f[k][()] if f[k].shape == () else f[k][0]) for k in ('identifier', 'session_description', 'session_start_time', 'timestamps_reference_time', 'file_create_date')},
  'groups': sorted(k for k in f.keys()),
  'general': sorted(f['general'].keys()),
  'notes': json.loads(s(f['general/notes'][()])),
  'units_type': s(u.attrs['neurodata_type']), 'colnames': [s(c) for c in u.attrs['colnames']],
  'types': [s(u[k].attrs['neurodata_type']) for k in ('id', 'spike_times', 'spike_times_index')],
  'target': target.name, 'ids': u['id'][()].tolist(), 'index': idx.tolist(), 'times': times.tolist(),
}))
`;

describe('NWB export read with h5py', () => {
  it('holds exactly the run\'s spikes and the NWB attributes', async () => {
    const cfg = { ...defaultRunConfig('balanced-ei'), seed: 5 };
    cfg.params.n_neurons = 300;
    cfg.params.p_conn = 0.05;
    const steps = 1500;
    // The app's spikes, independently: a monitor large enough for the whole run.
    const s = new Session(cfg);
    const mon = s.run.network.add(new SpikeMonitor(s.run.network, 1 << 22));
    s.advance(steps);
    const all = mon.read(0);
    expect(all.dropped).toBe(0);
    expect(all.steps.length).toBeGreaterThan(200);

    const r = await exportNwb(h5wasm, {
      config: cfg, steps, knownSpikes: s.fingerprint.fp.count, expectedFingerprint: s.fingerprint.fp.hex(),
      link: 'http://localhost:5173/#c=test', startTime: '2026-01-02T03:04:05.000Z', createdTime: '2026-01-02T03:05:00.000Z',
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.filename).toBe('balanced-ei-seed5-step1500.nwb');
    expect(r.spikes).toBe(all.steps.length);
    const file = join(dir, r.filename);
    writeFileSync(file, r.bytes);
    let out: string;
    try {
      out = execFileSync(PYTHON, ['-c', READER, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    } catch (e) {
      throw new Error(`h5py could not read the file (${(e as Error).message}); install Debian's python3-h5py (scripts/ensure-h5py.sh)`);
    }
    const d = JSON.parse(out);
    expect(d.root).toMatchObject({ namespace: 'core', neurodata_type: 'NWBFile', nwb_version: '2.6.0' });
    expect(d.root.object_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.datasets.session_start_time).toBe('2026-01-02T03:04:05.000Z');
    expect(d.datasets.file_create_date).toBe('2026-01-02T03:05:00.000Z');
    expect(d.datasets.identifier).toContain('balanced-ei');
    expect(d.groups).toEqual(['acquisition', 'analysis', 'file_create_date', 'general', 'identifier', 'processing', 'session_description', 'session_start_time', 'stimulus', 'timestamps_reference_time', 'units']);
    expect(d.general).toEqual(expect.arrayContaining(['experiment_description', 'notes', 'session_id', 'source_script']));
    expect(d.notes).toMatchObject({ experiment: 'balanced-ei', seed: 5, steps: 1500, link: 'http://localhost:5173/#c=test' });
    expect(d.notes.params.n_neurons).toBe(300);
    expect(d.units_type).toBe('Units');
    expect(d.colnames).toEqual(['spike_times']);
    expect(d.types).toEqual(['ElementIdentifiers', 'VectorData', 'VectorIndex']);
    expect(d.target).toBe('/units/spike_times');
    expect(d.ids).toEqual([...Array(300).keys()]);
    // Per neuron: the same spike times (s) as the app's (step · dt), in order.
    const expected: number[][] = Array.from({ length: 300 }, () => []);
    for (let k = 0; k < all.steps.length; k++) expected[all.ids[k]].push(all.steps[k] * 0.1 / 1000);
    const got: number[][] = [];
    let start = 0;
    for (const end of d.index) {
      got.push(d.times.slice(start, end));
      start = end;
    }
    expect(got.map((t) => t.length)).toEqual(expected.map((t) => t.length));
    got.forEach((t, i) => t.forEach((x, j) => expect(Math.abs(x - expected[i][j]), `neuron ${i} spike ${j}`).toBeLessThan(1e-12)));
  }, 120_000);

  it('refuses a run over the spike limit before simulating, and stops a re-run that exceeds it', () => {
    const cfg = defaultRunConfig('balanced-ei');
    const before = recordSpikeHistory(cfg, 1e9, 60_000_000);
    expect(before.ok).toBe(false);
    expect(!before.ok && before.reason).toMatch(/60,000,000 spikes; exports hold at most 50,000,000/);
    const during = recordSpikeHistory(cfg, 5000, 0, 100);
    expect(during.ok).toBe(false);
    expect(!during.ok && during.reason).toMatch(/over 100 spikes/);
  });

  it('spikeTrains groups spikes by neuron in time order', () => {
    const t = spikeTrains(new Int32Array([1, 1, 2, 5, 7]), new Int32Array([2, 0, 2, 0, 2]), 4, 0.5);
    expect(Array.from(t.index)).toEqual([2, 2, 5, 5]);
    expect(Array.from(t.times)).toEqual([0.0005, 0.0025, 0.0005, 0.001, 0.0035]);
  });
});
