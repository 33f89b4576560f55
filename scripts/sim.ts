/**
 * Headless CLI: runs the same engine as the app, in Node.
 *
 *   npm run sim -- --list
 *   npm run sim -- --experiment ID [--seed S] [--steps N] [--set key=value]... [--json]
 *   npm run sim -- --url 'LINK' [--steps N] [--json]
 *   npm run sim -- --experiment ID|--url LINK [--seed S] [--set key=value]... --brian2 out.py
 *
 * With --json the last line of stdout is one JSON object:
 *   {experiment, seed, steps, dt_ms, neurons, synapses, spikes, fingerprint, metrics, url}
 * With --brian2 it writes a Brian2 script of the configured run instead of running it.
 * Errors exit with status 2 and a one-line message on stderr.
 */
import { writeFileSync } from 'node:fs';
import { brian2FromArgs, parseSimArgs, runSim, listText, CliError } from './simCli';

try {
  const args = parseSimArgs(process.argv.slice(2));
  const warn = (msg: string) => process.stderr.write(`warning: ${msg}\n`);
  if (args.list) {
    process.stdout.write(listText());
  } else if (args.brian2) {
    writeFileSync(args.brian2, brian2FromArgs(args, warn));
    process.stdout.write(`wrote ${args.brian2} (run it with: python3 ${args.brian2} --help)\n`);
  } else {
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
