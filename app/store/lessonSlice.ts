/** Which lesson is open in the side panel, and whether the start-page gallery is shown. */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface LessonSlice {
  /** Id of the open lesson (app/lessons), or null. */
  lessonId: string | null;
  galleryOpen: boolean;
  setLesson(id: string | null): void;
  setGalleryOpen(open: boolean): void;
}

/** The gallery greets a visitor who arrives without a link (the default experiment runs beside it). */
const arrivedWithoutLink = typeof window !== 'undefined' && !/c=/.test(window.location.hash);

export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set) => ({
  lessonId: null,
  galleryOpen: arrivedWithoutLink,
  setLesson: (lessonId) => set({ lessonId }),
  setGalleryOpen: (galleryOpen) => set({ galleryOpen }),
});
