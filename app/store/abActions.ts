/** A/B: switch run B on (one parameter at another value) or off; the choice travels in the link. */
import type { ABChoice } from '../../workers/simApi';
import { resetAB } from '../engine/abLive';
import { sim } from '../engine/client';
import { pull } from '../engine/frameLoop';
import { adopt, guarded } from './actions';
import { useStore } from './index';

export async function setAB(choice: ABChoice | null): Promise<void> {
  const st = useStore.getState();
  if (st.busy) return;
  st.setBusy(true);
  await guarded('A/B comparison', async () => {
    const info = await sim().setView({ ...st.view, ab: choice });
    resetAB();
    adopt(info);
    await pull();
  });
  useStore.getState().setBusy(false);
}
