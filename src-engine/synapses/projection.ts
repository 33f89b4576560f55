/**
 * Shared description of a projection: which spikes it reads (a contiguous index range of a
 * source, e.g. the excitatory part of a population), which group and receptor it writes into,
 * and its delay. Current-based: a spike adds the synaptic weight (mV) to the target current.
 */
import type { SpikeSource } from '../core/component';
import type { Receptor, SynapticTarget } from '../neurons/receptors';

export interface ProjectionSpec {
  name: string;
  source: SpikeSource;
  /** First source index that belongs to this projection (default 0). */
  sourceStart?: number;
  /** Number of source indices (default: the rest of the source). */
  sourceCount?: number;
  target: SynapticTarget;
  receptor: Receptor;
  /** Transmission delay in whole steps (default 0: acts from the next step on). */
  delaySteps?: number;
}

export interface ResolvedSpec {
  start: number;
  count: number;
  delay: number;
}

export function resolveProjectionSpec(spec: ProjectionSpec): ResolvedSpec {
  const start = spec.sourceStart ?? 0;
  const count = spec.sourceCount ?? spec.source.size - start;
  const delay = spec.delaySteps ?? 0;
  if (start < 0 || count < 0 || start + count > spec.source.size) {
    throw new Error(`${spec.name}: source range [${start}, ${start + count}) outside ${spec.source.name}`);
  }
  if (!Number.isInteger(delay) || delay < 0) throw new Error(`${spec.name}: delay must be a whole number of steps`);
  if (delay > 0) spec.target.ensureDelay(delay);
  return { start, count, delay };
}
