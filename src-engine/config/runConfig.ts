/**
 * The versioned run configuration: which experiment, its parameters, the seed, and the live
 * parameter changes made during the run (each with the step at which it took effect). This is
 * what a link carries and what the CLI, the worker and the tests replay.
 *
 * Wire format, version 2 (JSON):  { v: 2, e: experimentId, s: seed, p: {key: value}, ev: [[step, key, value]], u?: view }
 * Version 2 has the same fields as version 1; it marks runs whose random numbers come from one
 * independent stream per component (core/rng.ts, Rng.fork) and whose fingerprint also digests
 * the state. A version-1 link still opens with its experiment, parameters, seed and timeline, and
 * says that its spikes differ from the run that made it (version 1 drew every number from one
 * shared generator).
 * Version 3 has the same fields; it marks the parameters added with it (ParamSpec.legacy: the
 * arithmetic precision of the large LIF networks, float32 by default from version 3). A link of
 * an older version lacks them and opens with the value its run used, so it replays spike for
 * spike with its old fingerprint.
 * Version 4 has the same fields; it adds the float32 white-noise group's stream layout
 * (fokker-planck, fi-curve: 'noise_streams'): links of format 3 open with the layout they ran.
 * The optional `u` (viewConfig.ts: hidden controls, raster selection, local-images note) was
 * added later; links without it read as before. Links and configuration files share this schema.
 *
 * validateRunConfig() is the single gate for untrusted input: it never throws, it never keeps a
 * value outside the experiment's schema, and it returns one readable message per problem.
 */
import { z } from 'zod';
import { DEFAULT_EXPERIMENT_ID, EXPERIMENTS, findExperiment } from '../experiments/registry';
import { defaultParams, type ExperimentDef, type ParamSpec, type ParamValues } from '../experiments/types';
import { defaultView, fromWireView, toWireView, WireView, type ViewConfig } from './viewConfig';

export const CONFIG_VERSION = 4;
/** Older wire versions that still open (same fields), with what differs. */
export const LEGACY_VERSIONS: Readonly<Record<number, string>> = {
  1: 'This link was made by an earlier version of the app (link format 1), which drew all random numbers from one shared generator. It opens with the same experiment, parameters, seed and timeline, but its spikes and fingerprint differ from the run that made it.',
};
export const MAX_EVENTS = 5000;
export const MAX_SEED = 0xffffffff;
export const DEFAULT_SEED = 1;

/** A live parameter change applied before step `step` runs (i.e. after `step` completed steps). */
export interface ParamEvent {
  step: number;
  key: string;
  value: number;
}

export interface RunConfig {
  experiment: string;
  seed: number;
  /** Complete parameter set in effect at step 0. */
  params: ParamValues;
  /** Live changes, sorted by step (stable for equal steps). */
  events: ParamEvent[];
}

export interface ValidationResult {
  config: RunConfig;
  /** View settings carried along (defaults when absent or invalid). */
  view: ViewConfig;
  /** Human-readable problems found and how each was handled; empty when the input was clean. */
  messages: string[];
}

const Key = z.string().min(1).max(64);
const WireV1 = z.object({
  v: z.union([z.literal(CONFIG_VERSION), z.literal(3), z.literal(2), z.literal(1)]),
  e: Key,
  s: z.number().int().min(0).max(MAX_SEED),
  p: z.record(Key, z.number()).optional(),
  ev: z.array(z.tuple([z.number().int().min(0).max(1e10), Key, z.number()])).max(MAX_EVENTS).optional(),
  u: WireView.optional(),
});

/** Keys that must never become object properties (prototype pollution); zod drops them silently. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type WireConfig = z.infer<typeof WireV1>;

export function defaultRunConfig(experiment = DEFAULT_EXPERIMENT_ID, seed = DEFAULT_SEED): RunConfig {
  const def = findExperiment(experiment) ?? EXPERIMENTS[0];
  return { experiment: def.id, seed, params: defaultParams(def), events: [] };
}

export function toWire(c: RunConfig, view?: ViewConfig): WireConfig {
  const w: WireConfig = { v: CONFIG_VERSION, e: c.experiment, s: c.seed, p: { ...c.params } };
  if (c.events.length > 0) w.ev = c.events.map((e) => [e.step, e.key, e.value] as [number, string, number]);
  const u = toWireView(view);
  if (u) w.u = u;
  return w;
}

/** Checks one value against its spec; returns an error text or null. */
export function checkParam(spec: ParamSpec, value: number): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${spec.key} must be a finite number`;
  if (value < spec.min || value > spec.max) return `${spec.key} = ${value} is outside [${spec.min}, ${spec.max}] ${spec.unit}`.trim();
  if ((spec.integer || spec.options) && !Number.isInteger(value)) return `${spec.key} must be a whole number, got ${value}`;
  return null;
}

/** Validates untrusted data (already JSON-parsed) into a safe RunConfig. Never throws. */
export function validateRunConfig(raw: unknown): ValidationResult {
  const messages: string[] = [];
  reportForbiddenKeys(raw, messages);
  const parsed = WireV1.safeParse(raw);
  if (!parsed.success) {
    const v = (raw as { v?: unknown } | null)?.v;
    if (raw && typeof raw === 'object' && !(v === CONFIG_VERSION || v === 3 || v === 2 || (typeof v === 'number' && v in LEGACY_VERSIONS))) {
      messages.push(`Unsupported link version ${JSON.stringify(v)} (this app reads version ${CONFIG_VERSION}); opened the default experiment instead.`);
    } else {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      messages.push(`The link's settings are malformed (${issue?.message ?? 'invalid'}${where}); opened the default experiment instead.`);
    }
    return { config: defaultRunConfig(), view: defaultView(), messages };
  }
  const w = parsed.data;
  if (w.v in LEGACY_VERSIONS) messages.push(LEGACY_VERSIONS[w.v]);
  const view = fromWireView(w.u, messages);
  const def = findExperiment(w.e);
  if (!def) {
    messages.push(`Unknown experiment "${w.e}"; opened "${DEFAULT_EXPERIMENT_ID}" instead.`);
    return { config: defaultRunConfig(DEFAULT_EXPERIMENT_ID, w.s), view, messages };
  }
  const params = defaultParams(def);
  for (const spec of def.params) if (spec.legacy && w.v < spec.legacy.before) params[spec.key] = spec.legacy.value;
  for (const [key, value] of Object.entries(w.p ?? {})) {
    if (FORBIDDEN_KEYS.has(key)) continue; // already reported
    const spec = def.params.find((s) => s.key === key);
    if (!spec) {
      messages.push(`Ignored unknown parameter "${key}".`);
      continue;
    }
    const err = checkParam(spec, value);
    if (err) {
      const used = params[key];
      messages.push(used === spec.default ? `${err}; using the default ${used}.` : `${err}; using ${used}, which links of format ${w.v} ran with.`);
    } else params[key] = value;
  }
  return { config: { experiment: def.id, seed: w.s, params, events: validateEvents(def, w.ev ?? [], messages) }, view, messages };
}

/** Names own "__proto__"/"constructor"/"prototype" keys (JSON.parse creates them) at the top level and in `p`. */
function reportForbiddenKeys(raw: unknown, messages: string[]): void {
  if (!raw || typeof raw !== 'object') return;
  const p = (raw as { p?: unknown }).p;
  for (const [where, obj] of [['the settings', raw], ['the parameters', p]] as const) {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) continue;
    for (const key of Object.keys(obj)) if (FORBIDDEN_KEYS.has(key)) messages.push(`Ignored the forbidden key "${key}" in ${where}.`);
  }
}

function validateEvents(def: ExperimentDef, raw: [number, string, number][], messages: string[]): ParamEvent[] {
  const out: ParamEvent[] = [];
  let dropped = 0;
  for (const [step, key, value] of raw) {
    const spec = def.params.find((s) => s.key === key);
    if (!spec || !spec.live || checkParam(spec, value) !== null) {
      dropped++;
      continue;
    }
    out.push({ step, key, value });
  }
  if (dropped > 0) messages.push(`Dropped ${dropped} invalid recorded parameter change(s); the run will differ from the original after them.`);
  // Stable sort by step keeps the recorded order of changes made at the same step.
  return out.map((e, i) => ({ e, i })).sort((a, b) => a.e.step - b.e.step || a.i - b.i).map((x) => x.e);
}
