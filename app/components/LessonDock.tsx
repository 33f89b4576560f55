/** Mounts the open lesson's side panel; the panel and KaTeX load only when a lesson is opened. */
import { lazy, Suspense } from 'react';
import { useStore } from '../store';

const LessonPanel = lazy(() => import('./LessonPanel'));

export function LessonDock() {
  const id = useStore((s) => s.lessonId);
  if (!id) return null;
  return (
    <Suspense fallback={<aside className="lesson-panel">Loading the lesson…</aside>}>
      <LessonPanel key={id} id={id} />
    </Suspense>
  );
}
