/// <reference types="vite-plugin-pwa/client" />
/**
 * Offline support: registers the service worker that vite-plugin-pwa generates (it precaches
 * the whole build: app, worker chunks, the 3D view, MNIST data, fonts, thumbnails) and reports
 * its state: still caching, available offline, a new version waiting, or unsupported. A new
 * version never replaces the running one by itself (registerType 'prompt'): the user reloads
 * when a lecture allows it. Also tracks whether the browser is online.
 */
import { registerSW } from 'virtual:pwa-register';

export type OfflineState = 'unsupported' | 'caching' | 'ready' | 'update' | 'failed';

export interface OfflineStatus {
  state: OfflineState;
  online: boolean;
  /** Why the state is 'failed' (e.g. storage full). */
  detail: string;
}

let status: OfflineStatus = { state: 'unsupported', online: true, detail: '' };
const listeners = new Set<() => void>();
let updateSW: ((reload?: boolean) => Promise<void>) | null = null;

function set(patch: Partial<OfflineStatus>): void {
  status = { ...status, ...patch };
  for (const l of listeners) l();
}

export function subscribeOffline(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function offlineStatus(): OfflineStatus {
  return status;
}

/** Activates the waiting version and reloads the page with it. */
export function applyUpdate(): void {
  void updateSW?.(true);
}

/** Registers the service worker (production builds; dev builds have none). */
export function startOfflineSupport(): void {
  status = { ...status, online: navigator.onLine };
  window.addEventListener('online', () => set({ online: true }));
  window.addEventListener('offline', () => set({ online: false }));
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  set({ state: 'caching' });
  updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => set({ state: 'update' }),
    onOfflineReady: () => set({ state: 'ready' }),
    onRegisterError: (e: unknown) => set({ state: 'failed', detail: e instanceof Error ? e.message : String(e) }),
  });
  // Later visits: an active worker has finished precaching, so the app is available offline
  // (onOfflineReady fires only on the first install).
  void navigator.serviceWorker.ready.then(() => {
    if (status.state === 'caching') set({ state: 'ready' });
  });
}
