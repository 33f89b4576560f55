/** Mounts the open lesson's side panel; the panel and KaTeX load only when a lesson is opened. */
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useStore } from '../store';

const LessonPanel = lazy(() => import('./LessonPanel'));

/** If the lesson chunk cannot be loaded (e.g. the site was redeployed), say so instead of blanking the page. */
class LessonBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (this.state.failed) return <aside className="lesson-panel" role="alert">The lesson could not be loaded. Reload the page to try again.</aside>;
    return this.props.children;
  }
}

export function LessonDock() {
  const id = useStore((s) => s.lessonId);
  if (!id) return null;
  return (
    <LessonBoundary key={id}>
      <Suspense fallback={<aside className="lesson-panel">Loading the lesson…</aside>}>
        <LessonPanel id={id} />
      </Suspense>
    </LessonBoundary>
  );
}
