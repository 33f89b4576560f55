/**
 * Opening a link at a step (?at=N, app/url/openAt.ts): the worker runs the run there as fast as
 * it can, in chunks (the toolbar shows the progress, the page stays responsive, Pause stops it),
 * and leaves it paused; a message says where it stopped and why.
 */
import { sim } from '../engine/client';
import { pull } from '../engine/frameLoop';
import { capAt, type AtRequest } from '../url/openAt';
import { formatSimTime } from '../components/format';
import { guarded } from './actions';
import { useStore } from './index';

const st = () => useStore.getState();

export async function advanceToLinkStep(request: AtRequest): Promise<void> {
  if (request.message) st().pushMessage(request.message, 'warning');
  const info = st().info;
  const exp = st().experiments.find((e) => e.id === info?.config.experiment);
  if (request.step === null || request.step === 0 || !info || !exp) return;
  const { step, message } = capAt(request.step, exp);
  if (message) st().pushMessage(message, 'warning');
  if (step === 0) return;
  const r = await guarded('Going to the link’s step', () => sim().advanceTo(step));
  await pull();
  // Nothing to say if another run was opened meanwhile (it ended this one's advance).
  if (!r || st().info?.runId !== info.runId) return;
  const at = (n: number) => `step ${n.toLocaleString('en')} (t = ${formatSimTime(n * info.dt_ms)})`;
  if (r.reached) st().pushMessage(`Opened paused at ${at(r.step)}, as the link asks (?at=${step}). Press Play to go on.`, 'info');
  else st().pushMessage(`Stopped at ${at(r.step)} on the way to step ${step.toLocaleString('en')} (the link's ?at=); press Play to go on.`, 'info');
}
