/**
 * npm run bench — engine throughput in Node on the reference networks of
 * shared/BENCH_NETWORKS.md that the engine can build so far, through the same experiment
 * builders the app and the CLI use. Median of 3 runs after a warm-up run; building the
 * network is timed separately and not included in wall_ms.
 *
 *   npm run bench                 all networks, table + one JSON line per network
 *   npm run bench -- --only cuba-1k --runs 5
 *   npm run bench -- --write      also rewrite the table in docs/BENCHMARKS.md
 */
import { writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { defaultRunConfig, type RunConfig } from '../src-engine/config/runConfig';
import { Session } from '../src-engine/run/session';

interface BenchNet {
  name: string;
  config: () => RunConfig;
  sim_ms: number;
}

const cuba = (n: number): BenchNet => ({
  name: `cuba-${n / 1000}k`,
  sim_ms: 1000,
  config: () => {
    const c = defaultRunConfig('balanced-ei', 1);
    c.params.n_neurons = n;
    return c;
  },
});

/** stdp-song-100: stdp-bimodal with 100 output neurons (100,000 plastic synapses), 10 s. */
const song100: BenchNet = {
  name: 'stdp-song-100',
  sim_ms: 10_000,
  config: () => {
    const c = defaultRunConfig('stdp-bimodal', 1);
    c.params.n_outputs = 100;
    return c;
  },
};

const NETWORKS: BenchNet[] = [cuba(1000), cuba(4000), cuba(10000), song100];

interface Result {
  name: string;
  neurons: number;
  synapses: number;
  sim_ms: number;
  wall_ms: number;
  build_ms: number;
  realtime_factor: number;
  spikes: number;
  mean_rate_hz: number;
  synaptic_events_per_s: number;
}

function once(net: BenchNet): Result {
  const t0 = performance.now();
  const s = new Session(net.config());
  const t1 = performance.now();
  const steps = Math.round(net.sim_ms / s.run.network.clock.dt);
  s.advance(steps);
  const t2 = performance.now();
  const sum = s.summary();
  const events = s.run.network.deliveredEvents;
  const wall = t2 - t1;
  return {
    name: net.name,
    neurons: sum.neurons,
    synapses: sum.synapses,
    sim_ms: net.sim_ms,
    wall_ms: round(wall, 1),
    build_ms: round(t1 - t0, 1),
    realtime_factor: round(net.sim_ms / wall, 2),
    spikes: sum.spikes,
    mean_rate_hz: round((sum.spikes * 1000) / (sum.neurons * net.sim_ms), 2),
    synaptic_events_per_s: Math.round(events / (wall / 1000)),
  };
}

function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function median(xs: Result[]): Result {
  const sorted = [...xs].sort((a, b) => a.wall_ms - b.wall_ms);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
  const runs = args.includes('--runs') ? Math.max(1, Number(args[args.indexOf('--runs') + 1])) : 3;
  const nets = NETWORKS.filter((n) => !only || n.name === only);
  if (nets.length === 0) throw new Error(`unknown network ${only}; known: ${NETWORKS.map((n) => n.name).join(', ')}`);
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
  const results: Result[] = [];
  for (const net of nets) {
    once(net); // warm-up: JIT and allocation
    const rs: Result[] = [];
    for (let r = 0; r < runs; r++) rs.push(once(net));
    const m = median(rs);
    results.push(m);
    console.log(JSON.stringify(m));
  }
  const table = renderTable(results, machine, runs);
  console.log('\n' + table);
  if (args.includes('--write')) writeDocs(table);
}

function renderTable(rs: Result[], machine: string, runs: number): string {
  const head = '| network | neurons | synapses | simulated | wall (median) | real-time factor | spikes | mean rate | synaptic events/s | build |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const rows = rs.map((r) =>
    `| ${r.name} | ${r.neurons.toLocaleString('en')} | ${r.synapses.toLocaleString('en')} | ${r.sim_ms / 1000} s | ${(r.wall_ms / 1000).toFixed(3)} s | ${r.realtime_factor}× | ${r.spikes.toLocaleString('en')} | ${r.mean_rate_hz} Hz | ${(r.synaptic_events_per_s / 1e6).toFixed(1)} M | ${r.build_ms} ms |`);
  const date = new Date().toISOString().slice(0, 10);
  return [`Machine: ${machine}. Median of ${runs} runs after one warm-up run; ${date}.`, '', head, sep, ...rows].join('\n');
}

function writeDocs(table: string): void {
  const path = new URL('../docs/BENCHMARKS.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const start = doc.indexOf('<!-- bench:start -->');
  const end = doc.indexOf('<!-- bench:end -->');
  if (start < 0 || end < 0) throw new Error('docs/BENCHMARKS.md lacks the bench:start/bench:end markers');
  writeFileSync(path, doc.slice(0, start) + '<!-- bench:start -->\n' + table + '\n' + doc.slice(end));
  console.log('\nupdated docs/BENCHMARKS.md');
}

main();
