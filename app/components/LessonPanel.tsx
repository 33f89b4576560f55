/**
 * The lesson side panel (loaded lazily with KaTeX): text and equations, "try this" steps that set
 * parameters through the ordinary store actions, and questions to answer by experimenting.
 */
import { useRef, useState } from 'react';
import { applyStep, openLesson } from '../lessons/applyStep';
import { findLesson } from '../lessons';
import { useStore } from '../store';
import { Blocks, RichText } from './LessonText';
import { useDialogFocus } from './useDialogFocus';
import '../lessons/lessons.css';

export default function LessonPanel({ id }: { id: string }) {
  const lesson = findLesson(id);
  const setLesson = useStore((s) => s.setLesson);
  const busy = useStore((s) => s.busy);
  const [done, setDone] = useState<number[]>([]);
  const ref = useRef<HTMLElement>(null);
  // The panel takes focus when it opens and gives it back when it closes; it does not trap it,
  // because the lesson asks the student to use the controls and charts beside it.
  useDialogFocus(ref, !!lesson, false);
  if (!lesson) return null;
  const run = async (k: number) => {
    await applyStep(lesson.steps[k]);
    setDone((d) => (d.includes(k) ? d : [...d, k]));
  };
  return (
    <aside ref={ref} className="lesson-panel" data-testid="lesson-panel" aria-labelledby="lesson-title" tabIndex={-1}>
      <div className="lesson-head">
        <h2 id="lesson-title" tabIndex={-1} data-autofocus>
          Lesson: {lesson.title}
        </h2>
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
        <Question key={k} k={k} question={q.question} answer={q.answer} />
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

/** A question and its answer behind a button (its links stay usable: nothing interactive is nested). */
function Question({ k, question, answer }: { k: number; question: string; answer: string }) {
  const [open, setOpen] = useState(false);
  const id = `lesson-answer-${k}`;
  return (
    <div className="lesson-q">
      <p className="lesson-question">
        <RichText text={question} />{' '}
        <button type="button" className="link" aria-expanded={open} aria-controls={id} data-testid={`lesson-answer-toggle-${k}`} onClick={() => setOpen(!open)}>
          {open ? 'hide the answer' : 'show the answer'}
        </button>
      </p>
      {open && (
        <p id={id} className="lesson-answer">
          <RichText text={answer} />
        </p>
      )}
    </div>
  );
}
