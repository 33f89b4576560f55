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
import os from 'node:os';
import { writeBetweenMarkers } from './docsTable';
import { brian2Build, brian2Once, type Brian2Build } from './brian2Run';
import { engineOnce, medianBy, round, type EngineResult } from './engineRun';
import { NETWORKS, type BenchNet } from './networks';

export interface Row {
  engine: EngineResult;
  /** With --brian2: Brian2's median main-loop time, its mean rate and the median per-round ratio. */
  brian2?: { wall_ms: number; mean_rate_hz: number; ratio: number; ratios: number[] };
}

function argValue(args: string[], flag: string): string | null {
  return args.includes(flag) ? args[args.indexOf(flag) + 1] ?? null : null;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
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
  for (const net of nets) {
    const row = withBrian2 ? pairedRuns(net, runs) : { engine: engineRuns(net, runs) };
    rows.push(row);
    console.log(JSON.stringify({ ...row.engine, ...(row.brian2 ? { brian2: row.brian2 } : {}) }));
  }
  const table = renderTable(rows, runs, withBrian2);
  console.log('\n' + table);
  if (args.includes('--write')) writeBetweenMarkers('bench', table);
}

function engineRuns(net: BenchNet, runs: number): EngineResult {
  engineOnce(net); // warm-up: JIT and allocation
  const rs: EngineResult[] = [];
  for (let r = 0; r < runs; r++) rs.push(engineOnce(net));
  return medianBy(rs, (x) => x.wall_ms);
}

/** One warm-up of each, then `runs` rounds of (Brian2 run, engine run); ratio = Brian2 time / engine time. */
function pairedRuns(net: BenchNet, runs: number): Row {
  const build: Brian2Build = brian2Build(net, (m) => console.error(m));
  brian2Once(build);
  engineOnce(net);
  const b: number[] = [], e: EngineResult[] = [], ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    const tb = brian2Once(build);
    const te = engineOnce(net);
    b.push(tb);
    e.push(te);
    ratios.push(round(tb / te.wall_ms, 2));
  }
  return {
    engine: medianBy(e, (x) => x.wall_ms),
    brian2: { wall_ms: round(medianBy(b, (x) => x), 1), mean_rate_hz: round(build.mean_rate_hz, 2), ratio: medianBy(ratios, (x) => x), ratios },
  };
}

function machine(): string {
  return `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

function renderTable(rows: Row[], runs: number, withBrian2: boolean): string {
  const date = new Date().toISOString().slice(0, 10);
  const how = withBrian2
    ? `One warm-up run of each, then ${runs} rounds of one Brian2 2.5.1 cpp_standalone run (its main-loop timer) followed by one engine run; medians, the ratio is the median of the per-round ratios; ${date}.`
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
  return [`Machine: ${machine()}. ${how}`, '', head, sep, ...lines].join('\n');
}

await main();
