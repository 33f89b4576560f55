/**
 * npm run bench — engine throughput in Node on the benchmark networks (bench/networks.ts),
 * through the same experiment builders and Session the app and the CLI use. Building a network
 * is timed apart and not included in the wall time.
 *
 *   npm run bench                       all networks: median of 3 runs after a warm-up run
 *   npm run bench -- --only cuba-1k --runs 5
 *   npm run bench -- --brian2           Brian2 cpp_standalone and the engine back to back on each
 *                                       network: per round one Brian2 run then one engine run,
 *                                       the ratio per round, medians reported (bench/brian2Run.ts)
 *   npm run bench -- --write            also rewrite the table in docs/BENCHMARKS.md
 *   npm run bench -- --browser          the same networks in the app's worker in headless Chromium
 *                                       (bench/browserRun.ts; with --write its own table)
 */
import { installNodeNormalsHelper } from '../scripts/nodeNormalsHelper';
import os from 'node:os';
import { writeBetweenMarkers } from './docsTable';
import { brian2Build, brian2Once, type Brian2Build } from './brian2Run';
import { engineOnce, medianBy, round, speedIndex, type EngineResult } from './engineRun';
import { NETWORKS, type BenchNet } from './networks';

export interface Row {
  engine: EngineResult;
  /** With --brian2: Brian2's median main-loop time, its mean rate and the median per-round ratio. */
  brian2?: { wall_ms: number; mean_rate_hz: number; ratio: number; ratios: number[] };
  /**
   * With --brian2, for networks with an 'Arithmetic' parameter (precision: 0 float32, the default;
   * 1 float64): both programs in both arithmetics, each ratio the median of per-round ratios.
   */
  same?: { f32: { ours_ms: number; brian2_ms: number; ratio: number }; f64: { ours_ms: number; brian2_ms: number; ratio: number } };
}

/** The network with its 'Arithmetic' parameter set (0 float32, 1 float64), under its own name. */
function withPrecision(net: BenchNet, precision: number): BenchNet {
  return {
    name: `${net.name}-${precision === 0 ? 'f32' : 'f64'}`,
    sim_ms: net.sim_ms,
    config: () => {
      const c = net.config();
      c.params.precision = precision;
      return c;
    },
  };
}

function argValue(args: string[], flag: string): string | null {
  return args.includes(flag) ? args[args.indexOf(flag) + 1] ?? null : null;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // fp-10k's second thread, as in the app and the CLI: started and loaded before any timed run.
  await installNodeNormalsHelper(true).ready;
  if (args.includes('--browser')) {
    const { browserMain } = await import('./browserRun');
    await browserMain(args);
    return;
  }
  const only = argValue(args, '--only');
  const runs = Math.max(1, Number(argValue(args, '--runs') ?? 3));
  const withBrian2 = args.includes('--brian2');
  const nets = NETWORKS.filter((n) => !only || n.name === only);
  if (nets.length === 0) throw new Error(`unknown network ${only}; known: ${NETWORKS.map((n) => n.name).join(', ')}`);
  const rows: Row[] = [];
  const speedBefore = speedIndex();
  for (const net of nets) {
    const row = withBrian2 ? pairedRuns(net, runs) : { engine: engineRuns(net, runs) };
    rows.push(row);
    console.log(JSON.stringify({ ...row.engine, ...(row.brian2 ? { brian2: row.brian2 } : {}), ...(row.same ? { same: row.same } : {}) }));
  }
  const speed = [speedBefore, speedIndex()];
  console.log(`machine speed index (ns per element of a dependent multiply-add chain): ${speed[0]} before, ${speed[1]} after`);
  const table = renderTable(rows, runs, withBrian2, speed);
  console.log('\n' + table);
  if (args.includes('--write')) writeBetweenMarkers('bench', table);
}

function engineRuns(net: BenchNet, runs: number): EngineResult {
  engineOnce(net); // warm-up: JIT and allocation
  const rs: EngineResult[] = [];
  for (let r = 0; r < runs; r++) rs.push(engineOnce(net));
  return medianBy(rs, (x) => x.wall_ms);
}

/**
 * One warm-up of each, then `runs` rounds of (Brian2 run, engine run); ratio = Brian2 time / engine
 * time. Brian2 runs in float64 (its default) against the engine's default. Where the network has
 * an 'Arithmetic' parameter, each round also runs Brian2 in float32 and the engine in float64, so
 * that both arithmetics are compared like for like.
 */
function pairedRuns(net: BenchNet, runs: number): Row {
  const twoWays = 'precision' in net.config().params;
  const b64net = twoWays ? withPrecision(net, 1) : net;
  const build: Brian2Build = brian2Build(b64net, (m) => console.error(m));
  const build32 = twoWays ? brian2Build(withPrecision(net, 0), (m) => console.error(m)) : null;
  const e64net = withPrecision(net, 1);
  brian2Once(build);
  engineOnce(net);
  if (build32) { brian2Once(build32); engineOnce(e64net); }
  const b: number[] = [], e: EngineResult[] = [], ratios: number[] = [];
  const b32: number[] = [], e64: number[] = [], r32: number[] = [], r64: number[] = [];
  // Each engine run is bracketed by two Brian2 runs of the same script, so a drift of the host's
  // speed during a round cancels to first order in the ratio (the host's speed moves by up to 2×).
  let before = brian2Once(build);
  for (let r = 0; r < runs; r++) {
    const te = engineOnce(net);
    const after = brian2Once(build);
    b.push(before);
    e.push(te);
    ratios.push(round((before + after) / 2 / te.wall_ms, 2));
    if (build32) {
      const tb32 = brian2Once(build32);
      const te64 = engineOnce(e64net).wall_ms;
      b32.push(tb32);
      e64.push(te64);
      r32.push(round(tb32 / te.wall_ms, 2));
      r64.push(round(after / te64, 2));
    }
    before = build32 ? brian2Once(build) : after;
  }
  const med = (xs: number[]) => medianBy(xs, (x) => x);
  const engine = medianBy(e, (x) => x.wall_ms);
  return {
    engine,
    brian2: { wall_ms: round(med(b), 1), mean_rate_hz: round(build.mean_rate_hz, 2), ratio: med(ratios), ratios },
    ...(build32
      ? {
          same: {
            f32: { ours_ms: engine.wall_ms, brian2_ms: round(med(b32), 1), ratio: med(r32) },
            f64: { ours_ms: round(med(e64), 1), brian2_ms: round(med(b), 1), ratio: med(r64) },
          },
        }
      : {}),
  };
}

function machine(): string {
  return `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

function renderTable(rows: Row[], runs: number, withBrian2: boolean, speed: number[]): string {
  const date = new Date().toISOString().slice(0, 10);
  const how = withBrian2
    ? `One warm-up run of each, then ${runs} rounds of one engine run between two Brian2 2.5.1 cpp_standalone runs (their main-loop timer); medians, the ratio is the median over rounds of the two Brian2 runs' mean ÷ the engine run; ${date}.`
    : `Median of ${runs} runs after one warm-up run; ${date}.`;
  const head = withBrian2
    ? '| network | neurons | synapses | simulated | wall (median) | real-time factor | Brian2 C++ main loop | our speed ÷ Brian2\'s | spikes | mean rate | Brian2 mean rate | synaptic events/s | build |'
    : '| network | neurons | synapses | simulated | wall (median) | real-time factor | spikes | mean rate | synaptic events/s | build |';
  const sep = withBrian2 ? '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|' : '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map(({ engine: r, brian2: b }) => {
    const cells = [
      r.name, r.neurons.toLocaleString('en'), r.synapses.toLocaleString('en'), `${r.sim_ms / 1000} s`,
      `${(r.wall_ms / 1000).toFixed(3)} s`, `${r.realtime_factor}×`,
      ...(b ? [`${(b.wall_ms / 1000).toFixed(3)} s`, `${b.ratio.toFixed(2)}×`] : []),
      r.spikes.toLocaleString('en'), `${r.mean_rate_hz} Hz`, ...(b ? [`${b.mean_rate_hz} Hz`] : []),
      `${(r.synaptic_events_per_s / 1e6).toFixed(1)} M`, `${r.build_ms} ms`,
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const same = rows.filter((r) => r.same);
  const sameTable = same.length === 0 ? [] : [
    '',
    'Like for like: the engine and Brian2 in the same arithmetic (Brian2 with `prefs.core.default_float_dtype = float32`, the engine with its \'Arithmetic\' parameter), from the same rounds:',
    '',
    '| network | ours, float32 | Brian2, float32 | our speed ÷ Brian2\'s | ours, float64 | Brian2, float64 | our speed ÷ Brian2\'s |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...same.map(({ engine: r, same: x }) => `| ${r.name} | ${(x!.f32.ours_ms / 1000).toFixed(3)} s | ${(x!.f32.brian2_ms / 1000).toFixed(3)} s | ${x!.f32.ratio.toFixed(2)}× | ${(x!.f64.ours_ms / 1000).toFixed(3)} s | ${(x!.f64.brian2_ms / 1000).toFixed(3)} s | ${x!.f64.ratio.toFixed(2)}× |`),
  ];
  const speedNote = `Machine speed index (bench/engineRun.ts speedIndex: ns per element of a dependent float64 multiply-add chain; lower is faster) ${speed[0]} before the runs and ${speed[1]} after.`;
  return [`Machine: ${machine()}. ${how}`, '', speedNote, '', head, sep, ...lines, ...sameTable].join('\n');
}

await main();
