/**
 * Integration: the exported Brian2 scripts, run by Brian2 (Debian's python3-brian, installed by
 * .ci/run through scripts/ensure-brian2.sh), give the app's firing rates within 10%.
 *
 * Each case writes the script to a temp dir, runs it with the numpy target for a short simulated
 * time (long enough for ~10⁴ spikes per layer) and a fixed Brian2 seed, parses its result line and
 * compares every layer's mean rate with the engine's Session run for the same time, averaged over
 * a few app seeds (the two simulators draw different random numbers, so only statistics agree).
 * If Brian2 is not importable the tests fail with a message naming the package; they never skip.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRates } from '../appRates';
import { afterAll, describe, expect, it } from 'vitest';
import { findExperiment } from '../../experiments/registry';
import { defaultParams } from '../../experiments/types';
import { exportBrian2 } from './index';
import { RESULT_MARKER } from './pyScript';

const TOLERANCE = 0.1;
const APP_SEEDS = [1, 2, 3];
const PYTHON_TIMEOUT_MS = 1_200_000;

interface Case {
  id: string;
  params: Record<string, number>;
  durationS: number;
}

const CASES: Case[] = [
  { id: 'balanced-ei', params: {}, durationS: 2 },
  // 100 outputs share the 1,000 inputs; over 5 s STDP lowers the rate from ~52 to ~38 Hz.
  { id: 'stdp-bimodal', params: { n_outputs: 100 }, durationS: 5 },
  { id: 'istdp-balance', params: {}, durationS: 3 },
  // White-noise LIF at the defaults (≈ 9.5 Hz): 4,000 neurons × 1 s ≈ 38,000 spikes.
  { id: 'fokker-planck', params: { n_neurons: 4000 }, durationS: 1 },
];

/** Debian's interpreter (where python3-brian lives) unless BRIAN2_PYTHON names another. */
const PYTHON = process.env.BRIAN2_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

function brian2Problem(): string | null {
  try {
    execFileSync(PYTHON, ['-c', 'import brian2'], { stdio: 'pipe', timeout: 600_000 });
    return null;
  } catch (e) {
    const err = (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop() ?? (e as Error).message;
    return `Brian2 is not importable with ${PYTHON} (${err}). Install Debian's package: apt-get install -y python3-brian ` +
      '(.ci/run does this through scripts/ensure-brian2.sh), or set BRIAN2_PYTHON to an interpreter that has brian2.';
  }
}

interface Brian2Result {
  experiment: string;
  duration_s: number;
  layers: { label: string; count: number; rate_hz: number }[];
  metrics: Record<string, unknown>;
}

function runPython(file: string, durationS: number, cwd: string): Promise<Brian2Result> {
  return new Promise((resolve, reject) => {
    execFile(PYTHON, [file, '--duration', String(durationS), '--seed', '1', '--target', 'numpy'], { cwd, timeout: PYTHON_TIMEOUT_MS, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${file} failed: ${err.message}\n${stderr.split('\n').slice(-15).join('\n')}`));
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (!line) return reject(new Error(`${file} printed no ${RESULT_MARKER.trim()} line:\n${stdout.slice(-2000)}`));
      resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as Brian2Result);
    });
  });
}


const dir = mkdtempSync(join(tmpdir(), 'brian2-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const problem = brian2Problem();

describe('exported Brian2 scripts reproduce the app\'s rates (within 10%)', () => {
  it.each(CASES)('$id', async (c) => {
    if (problem) throw new Error(problem);
    const def = findExperiment(c.id)!;
    const exp = exportBrian2(c.id, { ...defaultParams(def), ...c.params }, 1);
    if (!exp.ok) throw new Error(exp.reason);
    const file = join(dir, exp.filename);
    writeFileSync(file, exp.script);
    // Brian2 runs in its own process while the engine computes the app's rates here: the two
    // overlap on the machine's two cores instead of waiting for each other.
    const pending = runPython(file, c.durationS, dir);
    const { labels, rates: app } = appRates(c, APP_SEEDS);
    const b = await pending;
    expect(b.experiment).toBe(c.id);
    expect(b.duration_s).toBe(c.durationS);
    expect(b.layers.map((l) => l.label)).toEqual(labels);
    const rows = b.layers.map((l, k) => `${l.label}: app ${app[k].toFixed(2)} Hz, Brian2 ${l.rate_hz.toFixed(2)} Hz (${((l.rate_hz / app[k] - 1) * 100).toFixed(1)}%)`);
    console.log(`${c.id} (${c.durationS} s): ${rows.join('; ')}`);
    b.layers.forEach((l, k) => {
      expect(app[k], `${c.id} ${l.label}: app rate`).toBeGreaterThan(1);
      expect(Math.abs(l.rate_hz - app[k]) / app[k], rows[k]).toBeLessThanOrEqual(TOLERANCE);
    });
  }, PYTHON_TIMEOUT_MS + 60_000);
});
