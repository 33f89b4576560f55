/** Messages for the user (bad links, rejected values, errors), shown in the banner until dismissed. */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface Message {
  id: number;
  text: string;
  kind: 'info' | 'warning' | 'error';
}

export interface MessagesSlice {
  messages: Message[];
  pushMessage(text: string, kind?: Message['kind']): void;
  dismissMessage(id: number): void;
}

let nextId = 1;
/** Information (not warnings or errors) folds away by itself after this long (ms), so it does not hold screen space. */
const INFO_MS = 12_000;

export const createMessagesSlice: StateCreator<AppState, [], [], MessagesSlice> = (set) => ({
  messages: [],
  pushMessage: (text, kind = 'warning') => {
    const id = nextId++;
    set((s) => (s.messages.some((m) => m.text === text) ? s : { messages: [...s.messages.slice(-4), { id, text, kind }] }));
    if (kind === 'info' && typeof window !== 'undefined') window.setTimeout(() => set((s) => ({ messages: s.messages.filter((m) => m.id !== id) })), INFO_MS);
  },
  dismissMessage: (id) => set((s) => ({ messages: s.messages.filter((m) => m.id !== id) })),
});
