/**
 * Integration: the exported Brian2 scripts, run by Brian2 (Debian's python3-brian, installed by
 * .ci/run through scripts/ensure-brian2.sh), give the app's firing rates within 10%.
 *
 * Each case writes the script to a temp dir, runs it with the numpy target for a short simulated
 * time (long enough for ~10⁴ spikes per layer) and a fixed Brian2 seed, parses its result line and
 * compares every layer's mean rate with the engine's Session run for the same time, averaged over
 * a few app seeds (the two simulators draw different random numbers, so only statistics agree).
 * The scripts run one after the other in one Python process (runpy, each with its own command
 * line and namespace, as `python3 script.py …` runs it: Brian2 is imported once instead of four
 * times), which prints each script's output between markers; the cases read their part while the
 * engine computes the app's rates here. A script's own output is the same as in a process of its
 * own (Brian2 seeds its generator from --seed; its objects of the previous script are collected).
 * If Brian2 is not importable the tests fail with a message naming the package; they never skip.
 */
import { execFileSync, spawn } from 'node:child_process';
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

const END = 'SCRIPT_END ';

/** Runs each job's script in turn, as `python3 script args…` would, and ends its output with "SCRIPT_END <index> <status>". */
const DRIVER = [
  'import gc, json, runpy, sys, traceback',
  'for k, argv in enumerate(json.loads(sys.argv[1])):',
  '    status = 0',
  '    sys.argv = argv',
  '    try:',
  "        runpy.run_path(argv[0], run_name='__main__')",
  '    except SystemExit as e:',
  '        status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)',
  '    except BaseException:',
  '        traceback.print_exc(file=sys.stdout)',
  '        status = 1',
  '    gc.collect()  # the script\'s Brian2 objects (reference cycles) go before the next one builds its network',
  `    print(${JSON.stringify(END)} + str(k) + ' ' + str(status), flush=True)`,
].join('\n');

/** One Python process for all scripts; a promise per script for its result line. */
function runScripts(jobs: { file: string; durationS: number }[], cwd: string): Promise<Brian2Result>[] {
  const argv = jobs.map((j) => [j.file, '--duration', String(j.durationS), '--seed', '1', '--target', 'numpy']);
  const settle: { resolve: (r: Brian2Result) => void; reject: (e: Error) => void }[] = [];
  const results = jobs.map(() => new Promise<Brian2Result>((resolve, reject) => settle.push({ resolve, reject })));
  const child = spawn(PYTHON, ['-c', DRIVER, JSON.stringify(argv)], { cwd, timeout: PYTHON_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '', part = '', done = 0;
  child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-8000)));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    let nl: number;
    while ((nl = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      if (!line.startsWith(END)) {
        part += line + '\n';
        continue;
      }
      const [k, status] = line.slice(END.length).split(' ').map(Number);
      const result = part.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (status !== 0 || !result) settle[k].reject(new Error(`${jobs[k].file} failed (exit status ${status}):\n${part.slice(-2000)}\n${err.split('\n').slice(-15).join('\n')}`));
      else settle[k].resolve(JSON.parse(result.slice(RESULT_MARKER.length)) as Brian2Result);
      part = '';
      done = k + 1;
    }
  });
  child.on('close', (code, signal) => {
    for (let k = done; k < jobs.length; k++) settle[k].reject(new Error(`Python stopped before ${jobs[k].file} ended (exit ${code ?? signal}):\n${part.slice(-2000)}\n${err.split('\n').slice(-15).join('\n')}`));
  });
  // Unhandled until a case awaits it: a failure is reported by that case.
  for (const r of results) r.catch(() => {});
  return results;
}


const dir = mkdtempSync(join(tmpdir(), 'brian2-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const problem = brian2Problem();

/** Every case's script, exported and written before any runs. */
const scripts = CASES.map((c) => {
  const exp = exportBrian2(c.id, { ...defaultParams(findExperiment(c.id)!), ...c.params }, 1);
  if (!exp.ok) return { error: exp.reason, file: '' };
  const file = join(dir, exp.filename);
  writeFileSync(file, exp.script);
  return { error: null, file };
});
let running: Promise<Brian2Result>[] | null = null;

describe('exported Brian2 scripts reproduce the app\'s rates (within 10%)', () => {
  it.each(CASES.map((c, k) => ({ ...c, k })))('$id', async (c) => {
    if (problem) throw new Error(problem);
    if (scripts[c.k].error) throw new Error(scripts[c.k].error!);
    // Brian2 runs the scripts in its own process while the engine computes the app's rates here:
    // the two overlap on the machine's two cores instead of waiting for each other.
    running ??= runScripts(CASES.map((cs, k) => ({ file: scripts[k].file || join(dir, `${cs.id}-not-exported.py`), durationS: cs.durationS })), dir);
    const { labels, rates: app } = appRates(c, APP_SEEDS);
    const b = await running[c.k];
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
