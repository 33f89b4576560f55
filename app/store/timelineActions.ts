/** Rewind: move the run to an earlier (or later, up to its span) step; paused there. */
import { resyncSound } from '../audio/spikeAudio';
import { sim } from '../engine/client';
import { pull, resetLiveData } from '../engine/frameLoop';
import { adopt, guarded } from './actions';
import { useStore } from './index';

export async function seekTo(step: number): Promise<void> {
  const st = useStore.getState();
  if (st.busy || st.info?.mode !== 'simulated') return;
  st.setBusy(true);
  await guarded('Rewind', async () => {
    const info = await sim().seek(step);
    adopt(info);
    resetLiveData();
    resyncSound();
    await pull();
  });
  useStore.getState().setBusy(false);
}
