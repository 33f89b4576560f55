/**
 * The untrusted input of a script export (parameters from a link or the CLI, a seed), checked
 * against the experiment's schema: missing parameters take their defaults; any problem is a reason.
 */
import { checkParam, MAX_SEED } from '../config/runConfig';
import type { ExperimentDef, ParamValues } from '../experiments/types';

export function checkExportInput(def: ExperimentDef, params: ParamValues, seed: number): { ok: true; params: ParamValues } | { ok: false; reason: string } {
  const full: ParamValues = {};
  for (const spec of def.params) {
    const v = params[spec.key] ?? spec.default;
    const err = checkParam(spec, v);
    if (err) return { ok: false, reason: err };
    full[spec.key] = v;
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) return { ok: false, reason: `seed must be a whole number in [0, ${MAX_SEED}], got ${seed}` };
  return { ok: true, params: full };
}
