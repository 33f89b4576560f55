/** Header badge: whether the app is cached for offline use, offline now, or has an update waiting. */
import './classroom.css';
import { useSyncExternalStore } from 'react';
import { applyUpdate, offlineStatus, subscribeOffline } from '../offline/serviceWorker';

const TEXT: Record<string, { label: string; title: string }> = {
  caching: { label: 'Saving for offline use…', title: 'The app is being stored in this browser so it works without a network.' },
  ready: { label: '✓ Available offline', title: 'Every experiment, lesson, the MNIST digits and the 3D view are stored in this browser: the app works without a network.' },
  failed: { label: 'Offline use unavailable', title: 'The browser refused to store the app' },
};

export function OfflineStatus() {
  const s = useSyncExternalStore(subscribeOffline, offlineStatus);
  const offlineNow = !s.online;
  if (s.state === 'update') {
    return (
      <span className="offline-status update" aria-live="polite" data-testid="offline-status" data-state="update">
        A new version is ready{' '}
        <button data-testid="offline-update" onClick={applyUpdate} title="Reload the page with the new version (the link keeps your run)">
          Reload to update
        </button>
      </span>
    );
  }
  const t = TEXT[s.state];
  if (!t && !offlineNow) return null;
  return (
    <span className={`offline-status ${s.state}`} aria-live="polite" data-testid="offline-status" data-state={s.state} title={t ? `${t.title}${s.detail ? `: ${s.detail}` : ''}` : undefined}>
      {offlineNow ? 'Offline · ' : ''}
      {t ? t.label : 'not stored for offline use'}
    </span>
  );
}
