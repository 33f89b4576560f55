/**
 * "Export as PyNN script" in the Share / export dialog: asks the worker for a PyNN 0.10 script of
 * the current run (parameters in effect now, same seed) and downloads it as `<experiment>-pynn.py`;
 * for an experiment PyNN cannot express it closes the dialog and shows the reason in the banner.
 */
import { sim } from '../engine/client';
import { downloadScriptOrReason } from './scriptDownload';
import { registerShareAction } from './shareActions';

export async function exportPynnScript(): Promise<void> {
  downloadScriptOrReason('PyNN', await sim().pynnScript());
}

registerShareAction({
  id: 'pynn',
  label: 'Export as PyNN script',
  help:
    'A PyNN 0.10 script of the same network for NEURON or NEST, distributed over MPI processes (mpirun), for runs that ' +
    'outgrow one machine; statistically, not spike-for-spike, equal (docs/SCALE_OUT.md).',
  run: exportPynnScript,
});
