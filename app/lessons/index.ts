/** Every guided lesson, one per model family, in gallery order. */
import { lplLesson } from './lplLesson';
import { stdpLesson } from './stdpLesson';
import type { Lesson } from './types';

export const LESSONS: readonly Lesson[] = [stdpLesson, lplLesson];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
