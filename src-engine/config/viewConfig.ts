/**
 * View settings that travel with a run's link or configuration file but do not change the
 * simulation: which controls and panels are hidden (classroom links, "choose what is shown"),
 * which neurons the raster shows, and whether the run used local images the link cannot carry.
 * The engine never reads them; they share the run configuration's schema so one validator
 * covers links and imported files.
 *
 * Wire format (optional field `u` of the version-1 configuration):
 *   { h?: [id, …], r?: [mode, a, b], li?: count }
 *   h   hidden control / panel ids ("param:<key>", "plot:<id>", "panel:<name>")
 *   r   raster selection: [0] all; [1, n] every neuron of an evenly spaced sample of n;
 *       [2, from, to] neurons from ≤ id < to
 *   li  number of local images the run trained on (0 or absent: none)
 *   ab  [key, value]: also show run B, the same configuration (same seed, same recorded changes
 *       except those of `key`) with parameter `key` at `value` from t = 0, side by side and in
 *       step with the run itself (run A, which it never changes). The host checks key and value
 *       against the experiment's schema and drops an invalid pair with a message.
 */
import { z } from 'zod';

export const MAX_HIDDEN = 200;
export const MAX_LOCAL_IMAGES = 64;
export const MAX_NEURON_ID = 1_000_000;

export type RasterSelection = { mode: 'all' } | { mode: 'sample'; n: number } | { mode: 'range'; from: number; to: number };

/** Run B of an A/B comparison: the one parameter that differs from run A. */
export interface ABChoice {
  key: string;
  value: number;
}

export interface ViewConfig {
  hidden: string[];
  raster: RasterSelection;
  localImages: number;
  /** Side-by-side run B (absent or null: none). */
  ab?: ABChoice | null;
}

const Id = z.string().min(1).max(80).regex(/^[A-Za-z0-9_:.-]+$/, 'ids are letters, digits and _:.-');
const Count = z.number().int().min(0).max(MAX_NEURON_ID);

export const WireView = z.object({
  h: z.array(Id).max(MAX_HIDDEN).optional(),
  r: z.union([z.tuple([z.literal(0)]), z.tuple([z.literal(1), Count.min(1)]), z.tuple([z.literal(2), Count, Count])]).optional(),
  li: z.number().int().min(0).max(MAX_LOCAL_IMAGES).optional(),
  ab: z.tuple([z.string().min(1).max(64).regex(/^[A-Za-z0-9_]+$/, 'parameter keys are letters, digits and _'), z.number().finite()]).optional(),
});

export type WireViewConfig = z.infer<typeof WireView>;

export function defaultView(): ViewConfig {
  return { hidden: [], raster: { mode: 'all' }, localImages: 0 };
}

/** The wire form, or undefined when everything is at its default (keeps links short). */
export function toWireView(v: ViewConfig | undefined): WireViewConfig | undefined {
  if (!v) return undefined;
  const w: WireViewConfig = {};
  if (v.hidden.length > 0) w.h = [...new Set(v.hidden)].sort();
  if (v.raster.mode === 'sample') w.r = [1, v.raster.n];
  else if (v.raster.mode === 'range') w.r = [2, v.raster.from, v.raster.to];
  if (v.localImages > 0) w.li = v.localImages;
  if (v.ab) w.ab = [v.ab.key, v.ab.value];
  return Object.keys(w).length > 0 ? w : undefined;
}

/** From an already schema-checked wire view; a reversed range is swapped with a message. */
export function fromWireView(w: WireViewConfig | undefined, messages: string[]): ViewConfig {
  const v = defaultView();
  if (!w) return v;
  v.hidden = [...new Set(w.h ?? [])].sort();
  const r = w.r;
  if (r?.[0] === 1) v.raster = { mode: 'sample', n: r[1] };
  else if (r?.[0] === 2) {
    if (r[1] > r[2]) messages.push(`The raster range ${r[1]}–${r[2]} was reversed; swapped it.`);
    v.raster = { mode: 'range', from: Math.min(r[1], r[2]), to: Math.max(r[1], r[2]) };
  }
  v.localImages = w.li ?? 0;
  if (w.ab) v.ab = { key: w.ab[0], value: w.ab[1] };
  return v;
}

/** Validates an untrusted view object (e.g. from the UI thread); never throws. */
export function validateView(raw: unknown): { view: ViewConfig; messages: string[] } {
  const messages: string[] = [];
  const wire = toWireViewLoose(raw);
  const parsed = WireView.safeParse(wire);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    messages.push(`Ignored invalid view settings (${issue?.message ?? 'invalid'}${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}).`);
    return { view: defaultView(), messages };
  }
  return { view: fromWireView(parsed.data, messages), messages };
}

/** ViewConfig-shaped input → wire shape for the schema check (anything else passes through to fail there). */
function toWireViewLoose(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const v = raw as Partial<ViewConfig>;
  if (!('hidden' in v) && !('raster' in v) && !('localImages' in v) && !('ab' in v)) return raw;
  const r = v.raster as Partial<{ mode: string; n: unknown; from: unknown; to: unknown }> | undefined;
  const wr = !r || r.mode === 'all' ? undefined : r.mode === 'sample' ? [1, r.n] : r.mode === 'range' ? [2, r.from, r.to] : [9];
  const ab = v.ab ? [v.ab.key, v.ab.value] : undefined;
  return { h: v.hidden, ...(wr ? { r: wr } : {}), li: v.localImages, ...(ab ? { ab } : {}) };
}
