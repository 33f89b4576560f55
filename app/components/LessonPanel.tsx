/**
 * The lesson side panel (loaded lazily with KaTeX): text and equations, "try this" steps that set
 * parameters through the ordinary store actions, and questions to answer by experimenting.
 */
import { useState } from 'react';
import { applyStep, openLesson } from '../lessons/applyStep';
import { findLesson } from '../lessons';
import { useStore } from '../store';
import { Blocks, RichText } from './LessonText';
import '../lessons/lessons.css';

export default function LessonPanel({ id }: { id: string }) {
  const lesson = findLesson(id);
  const setLesson = useStore((s) => s.setLesson);
  const busy = useStore((s) => s.busy);
  const [done, setDone] = useState<number[]>([]);
  if (!lesson) return null;
  const run = async (k: number) => {
    await applyStep(lesson.steps[k]);
    setDone((d) => (d.includes(k) ? d : [...d, k]));
  };
  return (
    <aside className="lesson-panel" data-testid="lesson-panel" aria-label={`Lesson: ${lesson.title}`}>
      <div className="lesson-head">
        <h2>{lesson.title}</h2>
        <button type="button" className="lesson-close" data-testid="lesson-close" onClick={() => setLesson(null)} title="Close the lesson">
          ✕
        </button>
      </div>
      <Blocks blocks={lesson.intro} />
      <button type="button" className="lesson-restart" onClick={() => void openLesson(lesson).then(() => setDone([]))} disabled={busy}>
        ↺ Start over
      </button>
      <h3>Try this</h3>
      <ol className="lesson-steps">
        {lesson.steps.map((s, k) => (
          <li key={k} className={done.includes(k) ? 'done' : ''}>
            <button type="button" data-testid={`lesson-step-${k}`} onClick={() => void run(k)} disabled={busy}>
              {s.label}
            </button>
            <div className="lesson-look">
              <b>Look for:</b> <RichText text={s.lookFor} />
            </div>
          </li>
        ))}
      </ol>
      <h3>Questions</h3>
      {lesson.questions.map((q, k) => (
        <details key={k} className="lesson-q">
          <summary>
            <RichText text={q.question} />
          </summary>
          <p>
            <RichText text={q.answer} />
          </p>
        </details>
      ))}
      {lesson.notes && (
        <>
          <h3>Good to know</h3>
          <Blocks blocks={lesson.notes} />
        </>
      )}
    </aside>
  );
}
