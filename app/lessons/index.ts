/** Every guided lesson, one per model family, in gallery order. */
import { epropLesson } from './epropLesson';
import { fokkerPlanckLesson } from './fokkerPlanckLesson';
import { foldedLesson } from './foldedLesson';
import { lplLesson } from './lplLesson';
import { stdpLesson } from './stdpLesson';
import { superspikeLesson } from './superspikeLesson';
import type { Lesson } from './types';

export const LESSONS: readonly Lesson[] = [stdpLesson, lplLesson, superspikeLesson, epropLesson, foldedLesson, fokkerPlanckLesson];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
