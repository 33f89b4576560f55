/**
 * Carrying out lessons and presets through the ordinary store actions, so every change is
 * recorded in the link exactly as if the student had moved the slider.
 */
import { openConfig, setLiveParams, setSpeed } from '../store/actions';
import { useStore } from '../store';
import type { Lesson, LessonStep, Preset } from './types';

const st = () => useStore.getState();

function defaultsOf(experiment: string): Record<string, number> | null {
  const exp = st().experiments.find((e) => e.id === experiment);
  return exp ? Object.fromEntries(exp.params.map((p) => [p.key, p.default])) : null;
}

/** Opens an experiment from its defaults with some values changed (one rebuild). */
async function openWith(experiment: string, set: Readonly<Record<string, number>>, seed?: number): Promise<void> {
  const defaults = defaultsOf(experiment);
  if (!defaults) return st().pushMessage(`This lesson needs the experiment "${experiment}", which this version does not have.`, 'error');
  await openConfig({ experiment, seed: seed ?? st().info?.config.seed ?? 1, params: { ...defaults, ...set }, events: [] }, true);
}

export async function openLesson(lesson: Lesson): Promise<void> {
  st().setLesson(lesson.id);
  // After opening: a new experiment starts at its own default speed, which the lesson's replaces.
  await openWith(lesson.experiment, lesson.params ?? {}, lesson.seed);
  if (lesson.speed !== undefined) await setSpeed(lesson.speed);
}

export async function openPreset(preset: Preset): Promise<void> {
  await openWith(preset.experiment, preset.params, preset.seed);
}

/** Applies one "try this" step: live values change at the next step (recorded); others rebuild once. */
export async function applyStep(step: LessonStep): Promise<void> {
  if (step.experiment) {
    await openWith(step.experiment, step.set);
    if (step.speed !== undefined) await setSpeed(step.speed);
    return;
  }
  if (step.speed !== undefined) await setSpeed(step.speed);
  const info = st().info;
  const exp = st().experiments.find((e) => e.id === info?.config.experiment);
  if (!info || !exp) return;
  const entries = Object.entries(step.set);
  const structural = entries.some(([k]) => !exp.params.find((p) => p.key === k)?.live);
  if (structural) {
    await openConfig({ ...info.config, params: { ...info.params, ...step.set }, events: [] }, true);
    return;
  }
  // All of a step's values in one change: the run (and the charts a lesson step checks) never
  // shows a state with only some of them set.
  if (entries.length > 0) await setLiveParams({ ...step.set }, 'lesson step', 'lesson');
}
