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

export const createMessagesSlice: StateCreator<AppState, [], [], MessagesSlice> = (set) => ({
  messages: [],
  pushMessage: (text, kind = 'warning') =>
    set((s) => (s.messages.some((m) => m.text === text) ? s : { messages: [...s.messages.slice(-4), { id: nextId++, text, kind }] })),
  dismissMessage: (id) => set((s) => ({ messages: s.messages.filter((m) => m.id !== id) })),
});
