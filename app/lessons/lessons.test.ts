/**
 * Lessons and presets can never go stale silently: every experiment, parameter (and value range),
 * measurement and chart they name must exist in the registry, every equation must typeset, and
 * every preset must have its thumbnail.
 */
import { existsSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src-engine/core/rng';
import { findExperiment } from '../../src-engine/experiments/registry';
import { defaultParams, type ExperimentDef } from '../../src-engine/experiments/types';
import { LESSONS } from './index';
import { PRESETS } from './presets';
import { parseRichText, refsOf } from './richText';
import type { LessonBlock, StepExpectation } from './types';

/** Metric keys and plot ids of an experiment built with these values (plots exist only at run time). */
function outputsOf(def: ExperimentDef, values: Record<string, number>): { metrics: Set<string>; plots: Set<string> } {
  const run = def.build(values, new Rng(1));
  const plots = new Set((run.plots?.() ?? []).map((p) => p.id));
  if (run.layers.length > 0) plots.add('raster');
  return { metrics: new Set(Object.keys(run.metrics())), plots };
}

function checkValues(def: ExperimentDef, set: Readonly<Record<string, number>>, where: string): void {
  for (const [k, v] of Object.entries(set)) {
    const spec = def.params.find((p) => p.key === k);
    expect(spec, `${where}: ${def.id} has no parameter "${k}"`).toBeDefined();
    expect(v, `${where}: ${k} = ${v} below its minimum`).toBeGreaterThanOrEqual(spec!.min);
    expect(v, `${where}: ${k} = ${v} above its maximum`).toBeLessThanOrEqual(spec!.max);
    if (spec!.integer || spec!.options) expect(Number.isInteger(v), `${where}: ${k} must be a whole number`).toBe(true);
  }
}

function checkRefs(text: string, scope: { def: ExperimentDef; metrics: Set<string>; plots: Set<string> }[], where: string): void {
  for (const r of refsOf(text)) {
    const ok = scope.some((s) => (r.ref === 'param' ? s.def.params.some((p) => p.key === r.key) : r.ref === 'metric' ? s.metrics.has(r.key) : s.plots.has(r.key)));
    expect(ok, `${where}: {${r.ref}:${r.key}} names nothing in ${scope.map((s) => s.def.id).join(', ')}`).toBe(true);
  }
}

function checkTex(text: string, where: string): void {
  for (const r of parseRichText(text)) if (r.kind === 'math') expect(() => katex.renderToString(r.tex, { throwOnError: true }), `${where}: $${r.tex}$`).not.toThrow();
}

const blockText = (b: LessonBlock) => ('p' in b ? b.p : 'h' in b ? b.h : '');

function checkExpectation(e: StepExpectation, out: { metrics: Set<string>; plots: Set<string> }, where: string, switched: boolean): void {
  expect(Number(e.metric !== undefined) + Number(e.plot !== undefined), `${where}: name exactly one metric or plot`).toBe(1);
  if (e.metric) expect(out.metrics.has(e.metric), `${where}: no metric "${e.metric}"`).toBe(true);
  if (e.plot) expect(out.plots.has(e.plot), `${where}: no plot "${e.plot}"`).toBe(true);
  if (e.when) expect(out.metrics.has(e.when.metric), `${where}: no metric "${e.when.metric}"`).toBe(true);
  if (e.atMs !== undefined) {
    expect(e.atMs, `${where}: atMs must be a positive simulated time`).toBeGreaterThan(0);
    expect(e.when, `${where}: use either when or atMs`).toBeUndefined();
  }
  // `equals` is compared with the text the metrics card shows, where a yes/no measurement reads "yes"/"no".
  if (e.equals !== undefined) expect(['true', 'false'], `${where}: the app shows booleans as "yes"/"no"`).not.toContain(e.equals);
  const absolute = e.above !== undefined || e.below !== undefined || e.equals !== undefined;
  expect(absolute || e.change !== undefined, `${where}: says nothing checkable`).toBe(true);
  // A step that opens an experiment afresh has no meaningful "before": it must state absolute values.
  if (switched) expect(e.change, `${where}: a step that opens an experiment must use above/below/equals`).toBeUndefined();
}

describe('lessons', () => {
  it('have unique ids and at least three steps and two questions each', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) {
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(3);
      expect(l.questions.length, l.id).toBeGreaterThanOrEqual(2);
    }
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: every experiment, parameter, value, measurement, chart and equation exists`, () => {
      const first = findExperiment(lesson.experiment);
      expect(first, `${lesson.id}: unknown experiment ${lesson.experiment}`).toBeDefined();
      checkValues(first!, lesson.params ?? {}, `${lesson.id} start`);
      let def = first!;
      let values = { ...defaultParams(def), ...lesson.params };
      const scopes = [{ def, ...outputsOf(def, values) }];
      for (const b of lesson.intro) checkRefs(blockText(b), [scopes[0]], `${lesson.id} intro`);
      lesson.steps.forEach((step, k) => {
        const where = `${lesson.id} step ${k + 1} (${step.label})`;
        if (step.experiment) {
          const next = findExperiment(step.experiment);
          expect(next, `${where}: unknown experiment ${step.experiment}`).toBeDefined();
          def = next!;
          values = defaultParams(def);
        }
        checkValues(def, step.set, where);
        values = { ...values, ...step.set };
        const out = outputsOf(def, values);
        scopes.push({ def, ...out });
        checkRefs(step.lookFor, [scopes[scopes.length - 1]], where);
        checkTex(step.lookFor, where);
        checkExpectation(step.expect, out, where, step.experiment !== undefined);
      });
      const texts = [...lesson.questions.flatMap((q) => [q.question, q.answer]), ...(lesson.notes ?? []).map(blockText), ...lesson.intro.map(blockText)];
      for (const t of texts) {
        checkRefs(t, scopes, `${lesson.id} questions/notes`);
        checkTex(t, lesson.id);
      }
      for (const b of [...lesson.intro, ...(lesson.notes ?? [])]) if ('eq' in b) expect(() => katex.renderToString(b.eq, { throwOnError: true, displayMode: true }), `${lesson.id}: ${b.eq}`).not.toThrow();
    });
  }
});

describe('presets', () => {
  it('name real experiments, parameters in range and charts that exist, and have their thumbnail', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      const def = findExperiment(p.experiment);
      expect(def, `${p.id}: unknown experiment ${p.experiment}`).toBeDefined();
      checkValues(def!, p.params, p.id);
      const out = outputsOf(def!, { ...defaultParams(def!), ...p.params });
      expect(out.plots.has(p.thumbnail.plot), `${p.id}: no chart "${p.thumbnail.plot}"`).toBe(true);
      expect(existsSync(new URL(`../../public/thumbnails/${p.id}.png`, import.meta.url)), `${p.id}: run scripts/build-thumbnails.ts`).toBe(true);
    }
  });
});

describe('richText', () => {
  it('splits text, inline math and references with optional link text', () => {
    expect(parseRichText('a {param:v_th_mV} b $x^2$ {plot:window|the window}.')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'ref', ref: 'param', key: 'v_th_mV' },
      { kind: 'text', text: ' b ' },
      { kind: 'math', tex: 'x^2' },
      { kind: 'text', text: ' ' },
      { kind: 'ref', ref: 'plot', key: 'window', text: 'the window' },
      { kind: 'text', text: '.' },
    ]);
  });
});
