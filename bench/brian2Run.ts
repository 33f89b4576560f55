/**
 * Brian2 on a benchmark network: the project's exporter writes the script, Debian's python3-brian
 * builds it once with the cpp_standalone device (code generation and compilation, not timed) into
 * .bench-brian2/<network>/build, and every timed run executes the compiled binary again and reads
 * Brian2's own main-loop timer (results/last_run_info.txt: the seconds spent in Network::run, which
 * excludes building the synapses and writing results). A build is reused while the script is unchanged.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportBrian2 } from '../src-engine/export/brian2/index';
import { RESULT_MARKER } from '../src-engine/export/brian2/pyScript';
import type { BenchNet } from './networks';

export interface Brian2Build {
  dir: string;
  /** Mean rate of the run that built it (Hz), over the same neurons the engine counts. */
  mean_rate_hz: number;
  built_now: boolean;
}

const ROOT = new URL('../.bench-brian2/', import.meta.url).pathname;

function python(): string {
  return process.env.BRIAN2_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
}

interface Brian2Report {
  layers: { label: string; count: number; rate_hz: number }[];
  metrics: Record<string, number | null>;
}

/** Exports, and builds if needed, the cpp_standalone binary of a network. */
export function brian2Build(net: BenchNet, log: (msg: string) => void): Brian2Build {
  const c = net.config();
  const ex = exportBrian2(c.experiment, c.params, c.seed);
  if (!ex.ok) throw new Error(`${net.name}: no Brian2 script (${ex.reason})`);
  const dir = join(ROOT, net.name);
  mkdirSync(dir, { recursive: true });
  const args = ['--target', 'cpp_standalone', '--build-dir', join(dir, 'build'), '--duration', String(net.sim_ms / 1000)];
  const hash = createHash('sha256').update(ex.script).update(args.join(' ')).digest('hex');
  const stamp = join(dir, 'build.json');
  if (existsSync(stamp) && existsSync(join(dir, 'build', 'main'))) {
    const saved = JSON.parse(readFileSync(stamp, 'utf8')) as { hash: string; mean_rate_hz: number };
    if (saved.hash === hash) return { dir: join(dir, 'build'), mean_rate_hz: saved.mean_rate_hz, built_now: false };
  }
  writeFileSync(join(dir, 'script.py'), ex.script);
  log(`${net.name}: building the Brian2 cpp_standalone binary (code generation and compilation; not timed)…`);
  const out = execFileSync(python(), [join(dir, 'script.py'), ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const line = out.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (!line) throw new Error(`${net.name}: the Brian2 script printed no ${RESULT_MARKER.trim()} line`);
  const rep = JSON.parse(line.slice(RESULT_MARKER.length)) as Brian2Report;
  const mean = meanRate(rep);
  writeFileSync(stamp, JSON.stringify({ hash, mean_rate_hz: mean }));
  return { dir: join(dir, 'build'), mean_rate_hz: mean, built_now: true };
}

/** Population mean rate over the simulated neurons (the layers the app's rate monitors cover). */
function meanRate(rep: Brian2Report): number {
  let n = 0, s = 0;
  for (const l of rep.layers) {
    n += l.count;
    s += l.count * l.rate_hz;
  }
  return n > 0 ? s / n : NaN;
}

/** Runs the built binary once; returns Brian2's main-loop time in ms. */
export function brian2Once(build: Brian2Build): number {
  execFileSync('./main', { cwd: build.dir, stdio: 'ignore' });
  const info = readFileSync(join(build.dir, 'results', 'last_run_info.txt'), 'utf8').trim().split(/\s+/);
  const seconds = Number(info[0]);
  if (!(seconds > 0) || Number(info[1]) !== 1) throw new Error(`unexpected Brian2 run info "${info.join(' ')}" in ${build.dir}`);
  return seconds * 1000;
}
