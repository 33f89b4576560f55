/**
 * "Export as Brian2 script" in the Share / export dialog: asks the worker for a Brian2 script of
 * the current run (parameters in effect now, same seed) and downloads it as
 * `<experiment>-brian2.py`; for an experiment Brian2 cannot express it closes the dialog and
 * shows the reason in the message banner.
 */
import { sim } from '../engine/client';
import { downloadScriptOrReason } from './scriptDownload';
import { registerShareAction } from './shareActions';

export async function exportBrian2Script(): Promise<void> {
  downloadScriptOrReason('Brian2', await sim().brian2Script());
}

registerShareAction({
  id: 'brian2',
  label: 'Export as Brian2 script',
  help:
    'A Python script that builds the same network in Brian2 (statistically, not spike-for-spike, equal), for long or large ' +
    'runs on a laptop (C++ standalone) or a GPU (brian2cuda).',
  run: exportBrian2Script,
});
