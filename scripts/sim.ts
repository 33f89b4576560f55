/**
 * Headless CLI: runs the same engine as the app, in Node.
 *
 *   npm run sim -- --list
 *   npm run sim -- --experiment ID [--seed S] [--steps N] [--set key=value]... [--json]
 *   npm run sim -- --url 'LINK' [--steps N] [--json]
 *   npm run sim -- --experiment ID|--url LINK [--seed S] [--set key=value]... --brian2 out.py
 *   npm run sim -- --experiment ID|--url LINK [--seed S] [--set key=value]... --pynn out.py
 *   npm run sim -- --experiment ID|--url LINK [--seed S] [--steps N] [--set key=value]... --nwb out.nwb
 *
 * With --json the last line of stdout is one JSON object:
 *   {experiment, seed, steps, dt_ms, neurons, synapses, spikes, fingerprint, metrics, url}
 * With --brian2 / --pynn it writes a Brian2 / PyNN script of the configured run instead of running it;
 * with --nwb it runs it and writes every spike to an NWB 2.x file (at most 50 million spikes).
 * Errors exit with status 2 and a one-line message on stderr.
 * Large float32 white-noise groups (fokker-planck, fi-curve) share their work with a second
 * thread (scripts/nodeNormalsHelper.ts), as in the app; the run is the same with one thread.
 */
import { writeFileSync } from 'node:fs';
import { brian2FromArgs, nwbFromArgs, parseSimArgs, pynnFromArgs, runSim, listText, CliError } from './simCli';
import { installNodeNormalsHelper } from './nodeNormalsHelper';

try {
  const args = parseSimArgs(process.argv.slice(2));
  const warn = (msg: string) => process.stderr.write(`warning: ${msg}\n`);
  if (args.list) {
    process.stdout.write(listText());
  } else if (args.brian2) {
    writeFileSync(args.brian2, brian2FromArgs(args, warn));
    process.stdout.write(`wrote ${args.brian2} (run it with: python3 ${args.brian2} --help)\n`);
  } else if (args.pynn) {
    writeFileSync(args.pynn, pynnFromArgs(args, warn));
    process.stdout.write(`wrote ${args.pynn} (run it with: mpirun -np 4 python3 ${args.pynn} --backend neuron; see docs/SCALE_OUT.md)\n`);
  } else if (args.nwb) {
    installNodeNormalsHelper();
    const r = await nwbFromArgs(args, warn);
    writeFileSync(args.nwb, r.bytes);
    process.stdout.write(`wrote ${args.nwb} (${r.spikes} spikes over ${r.steps} steps, NWB 2.x Units table)\n`);
  } else {
    installNodeNormalsHelper();
    const out = runSim(args, warn);
    if (args.json) process.stdout.write(JSON.stringify(out) + '\n');
    else process.stdout.write(humanSummary(out));
  }
} catch (e) {
  const msg = e instanceof CliError ? e.message : `error: ${(e as Error).message}`;
  process.stderr.write(msg.split('\n')[0] + '\n');
  process.exit(2);
}

function humanSummary(o: ReturnType<typeof runSim>): string {
  const lines = [
    `${o.experiment}  seed ${o.seed}  ${o.steps} steps × ${o.dt_ms} ms = ${(o.steps * o.dt_ms) / 1000} s`,
    `neurons ${o.neurons}  synapses ${o.synapses}  spikes ${o.spikes}`,
    `fingerprint ${o.fingerprint}`,
    ...Object.entries(o.metrics).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`),
    `link ${o.url}`,
  ];
  return lines.join('\n') + '\n';
}
