/** Argument parsing and the run itself for the headless CLI (scripts/sim.ts), kept testable. */
import { decodeLink, encodeLink } from '../src-engine/config/link';
import { checkParam, defaultRunConfig, MAX_SEED, type RunConfig } from '../src-engine/config/runConfig';
import { differencesLine } from '../src-engine/experiments/differences';
import { EXPERIMENTS, findExperiment } from '../src-engine/experiments/registry';
import { exportBrian2 } from '../src-engine/export/brian2/index';
import { exportNwb } from '../src-engine/export/nwb/index';
import { exportPynn } from '../src-engine/export/pynn/index';
import { Session, type RunSummary } from '../src-engine/run/session';
import { ensureDatasets } from './nodeDatasets';

export class CliError extends Error {}

export interface SimArgs {
  list: boolean;
  json: boolean;
  experiment?: string;
  url?: string;
  seed?: number;
  steps?: number;
  sets: [string, string][];
  base: string;
  /** Write a Brian2 script for the configured run to this file instead of running it. */
  brian2?: string;
  /** Write a PyNN script for the configured run to this file instead of running it. */
  pynn?: string;
  /** Run and write every spike to this NWB file. */
  nwb?: string;
}

export const DEFAULT_BASE = 'http://localhost:5173/';
const MAX_STEPS = 100_000_000;

export function parseSimArgs(argv: string[]): SimArgs {
  const a: SimArgs = { list: false, json: false, sets: [], base: DEFAULT_BASE };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new CliError(`error: ${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    if (f === '--list') a.list = true;
    else if (f === '--json') a.json = true;
    else if (f === '--experiment' || f === '-e') a.experiment = value(i++, f);
    else if (f === '--url') a.url = value(i++, f);
    else if (f === '--base') a.base = value(i++, f);
    else if (f === '--brian2') a.brian2 = value(i++, f);
    else if (f === '--pynn') a.pynn = value(i++, f);
    else if (f === '--nwb') a.nwb = value(i++, f);
    else if (f === '--seed') a.seed = intArg(value(i++, f), f, 0, MAX_SEED);
    else if (f === '--steps') a.steps = intArg(value(i++, f), f, 0, MAX_STEPS);
    else if (f === '--set') {
      const kv = value(i++, f);
      const eq = kv.indexOf('=');
      if (eq <= 0) throw new CliError(`error: --set expects key=value, got "${kv}"`);
      a.sets.push([kv.slice(0, eq), kv.slice(eq + 1)]);
    } else throw new CliError(`error: unknown option "${f}" (try --list)`);
  }
  if (!a.list && !a.url && !a.experiment) throw new CliError('error: give --experiment ID, --url LINK or --list');
  if (a.url && a.experiment) throw new CliError('error: give either --url or --experiment, not both');
  return a;
}

function intArg(v: string, flag: string, min: number, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isInteger(n) || n < min || n > max) throw new CliError(`error: ${flag} must be a whole number in [${min}, ${max}], got "${v}"`);
  return n;
}

/** Builds the run config the arguments describe (strict: every problem is an error). */
export function configFromArgs(a: SimArgs, warn: (msg: string) => void): RunConfig {
  let cfg: RunConfig;
  if (a.url) {
    const { config, messages } = decodeLink(a.url);
    if (messages.length > 0) throw new CliError(`error: bad link: ${messages.join(' ')}`);
    cfg = config;
  } else {
    const def = findExperiment(a.experiment!);
    if (!def) throw new CliError(`error: unknown experiment "${a.experiment}" (known: ${EXPERIMENTS.map((e) => e.id).join(', ')})`);
    cfg = defaultRunConfig(def.id);
  }
  if (a.seed !== undefined) cfg.seed = a.seed;
  const def = findExperiment(cfg.experiment)!;
  for (const [key, raw] of a.sets) {
    const spec = def.params.find((p) => p.key === key);
    if (!spec) throw new CliError(`error: ${def.id} has no parameter "${key}" (see --list)`);
    const v = Number(raw);
    const err = raw.trim() === '' ? `${key} needs a number` : checkParam(spec, v);
    if (err) throw new CliError(`error: ${err}`);
    cfg.params[key] = v;
  }
  if (a.url && (a.sets.length > 0 || a.seed !== undefined)) warn('--set/--seed change the linked run; its fingerprint will differ from the link');
  return cfg;
}

export interface SimOutput extends RunSummary {
  url: string;
}

export function runSim(a: SimArgs, warn: (msg: string) => void = () => {}): SimOutput {
  const cfg = configFromArgs(a, warn);
  ensureDatasets(cfg.experiment, cfg.params);
  const session = new Session(cfg);
  session.advance(a.steps ?? session.def.defaultSteps);
  return { ...session.summary(), url: encodeLink(session.toConfig(), a.base) };
}

/**
 * The parameters to export for the configured run: the initial parameters with any recorded
 * changes of a link applied (their final values; a script does not replay them), and the seed.
 */
function exportParams(a: SimArgs, warn: (msg: string) => void): { cfg: RunConfig; params: Record<string, number> } {
  const cfg = configFromArgs(a, warn);
  const params = { ...cfg.params };
  for (const e of cfg.events) params[e.key] = e.value;
  if (cfg.events.length > 0) warn(`the link's ${cfg.events.length} recorded change(s) are exported as final values, not replayed at their steps`);
  return { cfg, params };
}

/** The Brian2 script for the configured run (--brian2); an experiment Brian2 cannot express is an error carrying the reason. */
export function brian2FromArgs(a: SimArgs, warn: (msg: string) => void = () => {}): string {
  const { cfg, params } = exportParams(a, warn);
  const r = exportBrian2(cfg.experiment, params, cfg.seed);
  if (!r.ok) throw new CliError(`error: no Brian2 export for ${cfg.experiment}: ${r.reason}`);
  return r.script;
}

/** The PyNN script for the configured run (--pynn); an experiment PyNN cannot express is an error carrying the reason. */
export function pynnFromArgs(a: SimArgs, warn: (msg: string) => void = () => {}): string {
  const { cfg, params } = exportParams(a, warn);
  const r = exportPynn(cfg.experiment, params, cfg.seed);
  if (!r.ok) throw new CliError(`error: no PyNN export for ${cfg.experiment}: ${r.reason}`);
  return r.script;
}

/** Runs the configured run for --steps (or the default) and returns every spike as an NWB file (--nwb). */
export async function nwbFromArgs(a: SimArgs, warn: (msg: string) => void = () => {}, now = new Date()): Promise<{ bytes: Uint8Array; spikes: number; steps: number }> {
  const cfg = configFromArgs(a, warn);
  ensureDatasets(cfg.experiment, cfg.params);
  const steps = a.steps ?? findExperiment(cfg.experiment)!.defaultSteps;
  const h5wasm = (await import('h5wasm')).default;
  const iso = now.toISOString();
  const r = await exportNwb(h5wasm, { config: cfg, steps, link: encodeLink(cfg, a.base), startTime: iso, createdTime: iso });
  if (!r.ok) throw new CliError(`error: no NWB export: ${r.reason}`);
  return { bytes: r.bytes, spikes: r.spikes, steps };
}

export function listText(): string {
  const out: string[] = [];
  for (const e of EXPERIMENTS) {
    out.push(`${e.id} — ${e.title} (dt ${e.dt_ms} ms, default ${e.defaultSteps} steps)`);
    out.push(`  ${e.summary}`);
    out.push(`  ${differencesLine(e)}`);
    for (const p of e.params) {
      const range = `[${p.min}, ${p.max}]`;
      out.push(`  ${p.key.padEnd(16)} ${String(p.default).padStart(8)} ${p.unit.padEnd(3)} ${range.padEnd(16)} ${p.live ? 'live' : 'rebuild'}${p.integer ? ', integer' : ''}  ${p.label}: ${p.help}`);
    }
    out.push('');
  }
  return out.join('\n');
}
