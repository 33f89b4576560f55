/** Lesson text: paragraphs with inline math and links that highlight what they name; displayed equations. */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { highlight } from '../lessons/highlight';
import { parseRichText, type RefKind } from '../lessons/richText';
import type { LessonBlock } from '../lessons/types';
import { useStore } from '../store';
import { metricLabel } from '../metrics/metricSpecs';

function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const html = katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
  // A wide displayed equation scrolls sideways: focusable, so keyboard users can scroll it too.
  return display ? <div className="lesson-eq" tabIndex={0} role="group" aria-label="Equation" dangerouslySetInnerHTML={{ __html: html }} /> : <span dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A link's default text: the control's label, the chart's title, or the measurement's key. */
function useRefLabel(ref: RefKind, key: string): string {
  const label = useStore((s) => {
    if (ref === 'param') {
      const exp = s.experiments.find((e) => e.id === s.info?.config.experiment);
      return exp?.params.find((p) => p.key === key)?.label ?? s.experiments.flatMap((e) => e.params).find((p) => p.key === key)?.label;
    }
    if (ref === 'plot') return s.plotTitles.find((p) => p.id === key)?.title.split(/[:(—]/)[0].trim();
    return metricLabel(key).label;
  });
  return label ?? key.replace(/_/g, ' ');
}

function RefLink({ kind, k, text }: { kind: RefKind; k: string; text?: string }) {
  const fallback = useRefLabel(kind, k);
  const pushMessage = useStore((s) => s.pushMessage);
  const onClick = () => {
    if (!highlight(kind, k)) pushMessage(`“${text ?? fallback}” is not on the page right now (open the step’s experiment first).`, 'info');
  };
  return (
    <button type="button" className={`lesson-ref lesson-ref-${kind}`} data-testid={`lesson-ref-${kind}-${k}`} onClick={onClick} title={`Show the ${kind === 'param' ? 'control' : kind === 'plot' ? 'chart' : 'measurement'}`}>
      {text ?? fallback}
    </button>
  );
}

export function RichText({ text }: { text: string }) {
  return (
    <>
      {parseRichText(text).map((r, i) =>
        r.kind === 'text' ? <span key={i}>{r.text}</span> : r.kind === 'math' ? <Tex key={i} tex={r.tex} /> : <RefLink key={i} kind={r.ref} k={r.key} text={r.text} />,
      )}
    </>
  );
}

export function Blocks({ blocks }: { blocks: readonly LessonBlock[] }) {
  return (
    <>
      {blocks.map((b, i) =>
        'h' in b ? <h4 key={i}>{b.h}</h4> : 'eq' in b ? <Tex key={i} tex={b.eq} display /> : <p key={i}><RichText text={b.p} /></p>,
      )}
    </>
  );
}
