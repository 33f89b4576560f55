/** The app's one zustand store, combined from slices (STYLE.md §9). */
import { create } from 'zustand';
import { createLessonSlice, type LessonSlice } from './lessonSlice';
import { createMessagesSlice, type MessagesSlice } from './messagesSlice';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = RunSlice & ParamsSlice & MessagesSlice & LessonSlice & ViewSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createRunSlice(...a),
  ...createParamsSlice(...a),
  ...createMessagesSlice(...a),
  ...createLessonSlice(...a),
  ...createViewSlice(...a),
}));
