/**
 * Parses lesson text into runs: plain text, inline math ($…$) and references to the app's
 * controls ({param:key}), charts ({plot:id}) and measurements ({metric:key}), each optionally
 * with its own link text ({param:key|the threshold}).
 */
export type RefKind = 'param' | 'plot' | 'metric';

export type TextRun =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'math'; readonly tex: string }
  | { readonly kind: 'ref'; readonly ref: RefKind; readonly key: string; readonly text?: string };

const TOKEN = /\{(param|plot|metric):([\w.-]+)(?:\|([^}]*))?\}|\$([^$]+)\$/g;

export function parseRichText(s: string): TextRun[] {
  const out: TextRun[] = [];
  let last = 0;
  for (const m of s.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: s.slice(last, at) });
    if (m[4] !== undefined) out.push({ kind: 'math', tex: m[4] });
    else out.push({ kind: 'ref', ref: m[1] as RefKind, key: m[2], ...(m[3] !== undefined ? { text: m[3] } : {}) });
    last = at + m[0].length;
  }
  if (last < s.length) out.push({ kind: 'text', text: s.slice(last) });
  return out;
}

/** Every reference in a piece of text (for the registry check). */
export function refsOf(s: string): { ref: RefKind; key: string }[] {
  return parseRichText(s).flatMap((r) => (r.kind === 'ref' ? [{ ref: r.ref, key: r.key }] : []));
}
