/** The run's timeline as the worker last reported it (checkpoints, span, branch point), for the Timeline bar. */
import type { TimelineInfo } from '../../workers/simApi';

let current: TimelineInfo | null = null;
const listeners = new Set<() => void>();

export function setTimelineInfo(t: TimelineInfo): void {
  current = t;
  for (const l of listeners) l();
}
export const timelineInfo = () => current;
export const subscribeTimeline = (fn: () => void) => (listeners.add(fn), () => void listeners.delete(fn));
