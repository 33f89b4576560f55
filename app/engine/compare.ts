/**
 * Compare runs: when parameters change (and comparison is on), the experiment's XY charts as
 * they were just before become the reference, drawn faded (dashed, grey) under the new curves
 * so "before" and "after" stand side by side. Kept outside React, like the other live data.
 */
import type { PlotSpec, XYPlotSpec } from '../../workers/simApi';

export interface Reference {
  /** What changed, e.g. "λ = 1 → 0". */
  note: string;
  plots: Map<string, XYPlotSpec>;
  /** The parameter changed and when (ms, page clock): one slider drag keeps its first "before". */
  key: string;
  at: number;
}

/** Changes of the same key closer together than this (ms) belong to one gesture. */
const GESTURE_MS = 1500;

let reference: Reference | null = null;

const isXY = (p: PlotSpec): p is XYPlotSpec => p.kind === undefined || p.kind === 'xy';

/** Keeps the XY charts in `plots` as the reference (deep-copied: live specs are replaced, not mutated, but be safe). */
export function captureReference(plots: PlotSpec[], note: string, key: string, now: number): void {
  if (reference && reference.key === key && now - reference.at < GESTURE_MS) {
    reference.at = now;
    reference.note = reference.note.replace(/→ .*$/, note.replace(/^.*→ /, '→ '));
    return;
  }
  const xy = plots.filter(isXY);
  if (xy.length === 0) return;
  reference = { note, plots: new Map(xy.map((p) => [p.id, structuredClone(p)])), key, at: now };
}

export function clearReference(): void {
  reference = null;
}

export function currentReference(): Reference | null {
  return reference;
}

/** The chart with the reference's series added as faded "before" curves (unchanged without a reference). */
export function withReference(spec: XYPlotSpec): XYPlotSpec {
  const ref = reference?.plots.get(spec.id);
  if (!ref) return spec;
  const before = ref.series
    .filter((s) => s.style !== 'points' || s.color !== 'data') // measured data points do not change between runs
    .map((s) => ({ ...s, label: `${s.label} (before)`, color: 'muted' as const, style: s.style === 'bars' ? ('bars' as const) : ('dashed' as const) }));
  return { ...spec, series: [...before, ...spec.series] };
}
