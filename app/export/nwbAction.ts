/**
 * "Download spikes (NWB)" in the Share / export dialog: the worker re-runs the current run from
 * step 0 to now with every spike recorded (exact, runs are deterministic) and returns an NWB 2.x
 * file (Units table, session metadata); the app downloads it. A run over 50 million spikes is
 * refused with the reason in the banner. The worker does the work, so the tab never freezes.
 */
import { sim } from '../engine/client';
import { useStore } from '../store';
import { downloadBlob } from './download';
import { registerShareAction } from './shareActions';

export async function downloadNwbSpikes(): Promise<void> {
  const s = useStore.getState();
  s.pushMessage('Preparing the NWB file: re-running the run from t = 0 with every spike recorded…', 'info');
  const r = await sim().nwbSpikes(`${location.origin}${location.pathname}${location.search}`);
  if (r.ok) {
    downloadBlob(r.filename, new Blob([r.bytes as BlobPart], { type: 'application/x-hdf5' }));
    useStore.getState().pushMessage(`Downloaded ${r.filename}: ${r.spikes.toLocaleString('en-US')} spikes.`, 'info');
    return;
  }
  const st = useStore.getState();
  st.setOverlay(null);
  st.pushMessage(`No NWB export: ${r.reason}`, 'info');
}

registerShareAction({
  id: 'nwb',
  label: 'Download spikes (NWB)',
  help:
    'Every spike of the run so far as an NWB 2.x file (Units table with spike times in seconds, the experiment, seed, ' +
    'parameters and link), for pynwb, NWB widgets or DANDI; up to 50 million spikes.',
  run: downloadNwbSpikes,
});
