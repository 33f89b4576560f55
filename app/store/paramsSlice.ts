/** Parameter values shown by the panel (the worker's copy is authoritative; this mirrors it). */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface ParamsSlice {
  values: Record<string, number>;
  setValues(values: Record<string, number>): void;
  setValue(key: string, value: number): void;
}

export const createParamsSlice: StateCreator<AppState, [], [], ParamsSlice> = (set) => ({
  values: {},
  setValues: (values) => set({ values: { ...values } }),
  setValue: (key, value) => set((s) => ({ values: { ...s.values, [key]: value } })),
});
