/**
 * Python source text shared by the Brian2 and PyNN script exporters (brian2/pyScript.ts,
 * pynn/pyScript.ts): number literals, wrapped comments, the parameter table and the header
 * comment every exported script starts with (shebang, title, what it builds, why it is the same
 * model, differences from the app, parameters in effect).
 */
import type { ExperimentDef, ParamValues } from '../experiments/types';

/** A finite number as a Python literal (JS's shortest round-trip form is valid Python). */
export function pyNum(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`cannot export the non-finite value ${x}`);
  return String(x);
}

/** Wraps prose into '# '-prefixed comment lines of at most `width` characters. */
export function pyComment(text: string, width = 96): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width - 2) {
        out.push(`# ${line}`);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line ? `# ${line}` : '#');
  }
  return out;
}

/** The parameter table of a script header: one '#   key = value unit   label' line per parameter. */
export function pyParamTable(def: ExperimentDef, params: ParamValues): string[] {
  return def.params.map((p) => {
    const v = params[p.key];
    const shown = p.options ? `${v} (${p.options[v] ?? '?'})` : String(v);
    return `#   ${p.key.padEnd(16)} = ${shown}${p.unit ? ` ${p.unit}` : ''}   ${p.label}`;
  });
}

/** What an experiment exporter tells the script prelude (each simulator's prelude adds its own fields). */
export interface ExportHead {
  def: ExperimentDef;
  params: ParamValues;
  seed: number;
  /** What the script builds, in a few sentences (equations, connectivity, plasticity). */
  model: string;
  /** Differences from the app beyond the random numbers (may be empty). */
  differences: string[];
  /** Simulated seconds run when --duration is not given. */
  defaultDurationS: number;
}

/** First comment line of every exported script after the shebang (the tests check it). */
export function pyTitle(def: ExperimentDef, simulator: string): string {
  return `# ${def.id}: ${def.title}. ${simulator} script exported from Plasticity Playground.`;
}

/**
 * Shebang, title, the model, `sameModel` (how the script equals the app run), the differences
 * (the block is left out when there are none) and the parameter table, ending in a '#' line.
 */
export function pyHeader(h: ExportHead, simulator: string, sameModel: string, differences: readonly string[]): string[] {
  return [
    '#!/usr/bin/env python3',
    pyTitle(h.def, simulator),
    '#',
    ...pyComment(h.model),
    '#',
    ...pyComment(sameModel),
    ...(differences.length ? ['#', '# Differences from the app:', ...differences.flatMap((d) => pyComment(`- ${d}`))] : []),
    '#',
    `# Parameters (in effect when exported; app seed ${h.seed}; live changes recorded in the app's link are not replayed):`,
    ...pyParamTable(h.def, h.params),
    '#',
  ];
}

/** The --duration option of the script's argument parser. */
export function pyDurationArg(h: ExportHead): string {
  return `parser.add_argument('--duration', type=float, default=${pyNum(h.defaultDurationS)}, help='simulated time in seconds')`;
}
