/** `npm run sim -- … --pynn out.py` and `--nwb out.nwb`: argument parsing and the files for the configured run. */
import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../src-engine/config/runConfig';
import { Session } from '../src-engine/run/session';
import { CliError, nwbFromArgs, parseSimArgs, pynnFromArgs } from './simCli';

describe('sim --pynn', () => {
  it('writes the configured parameters and seed into the script', () => {
    const a = parseSimArgs(['--experiment', 'balanced-ei', '--seed', '7', '--set', 'v_th_mV=-48', '--pynn', 'out.py']);
    expect(a.pynn).toBe('out.py');
    const s = pynnFromArgs(a);
    expect(s).toContain('sim.IF_curr_exp(');
    expect(s).toContain('v_th = -48  # mV');
    expect(s).toContain("parser.add_argument('--seed', type=int, default=7");
  });

  it('an experiment PyNN cannot express is an error with the reason; a missing file name is an error', () => {
    expect(() => pynnFromArgs(parseSimArgs(['--experiment', 'stdp-window', '--pynn', 'x.py']))).toThrow(/no PyNN export for stdp-window: A computed experiment/);
    expect(() => pynnFromArgs(parseSimArgs(['--experiment', 'balanced-ei', '--set', 'v_th_mV=99', '--pynn', 'x.py']))).toThrow(CliError);
    expect(() => parseSimArgs(['--experiment', 'balanced-ei', '--pynn'])).toThrow(/--pynn needs a value/);
  });
});

describe('sim --nwb', () => {
  it('runs --steps and holds as many spikes as the same run', async () => {
    const a = parseSimArgs(['--experiment', 'balanced-ei', '--seed', '3', '--steps', '800', '--set', 'n_neurons=200', '--nwb', 'out.nwb']);
    expect(a.nwb).toBe('out.nwb');
    const r = await nwbFromArgs(a, () => {}, new Date('2026-01-01T00:00:00Z'));
    const cfg = { ...defaultRunConfig('balanced-ei'), seed: 3 };
    cfg.params.n_neurons = 200;
    const s = new Session(cfg);
    s.advance(800);
    expect(r.steps).toBe(800);
    expect(r.spikes).toBe(s.fingerprint.fp.count);
    expect(r.spikes).toBeGreaterThan(0);
    // HDF5 signature at the start of the file.
    expect(Array.from(r.bytes.slice(0, 8))).toEqual([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
