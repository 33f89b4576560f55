/** Entry point: mount the app, start the frame loop, open the link in the address bar. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { onWorkerCrash } from './engine/client';
import { onWorkerStall, startFrameLoop } from './engine/frameLoop';
import './export/brian2Action';
import './export/pynnAction';
import './export/nwbAction';
import { boot, openPastedLink } from './store/actions';
import { recoverWorker } from './store/recovery';
import { onPastedLink, readHash } from './url/urlSync';
import { startOfflineSupport } from './offline/serviceWorker';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
onWorkerCrash((reason) => void recoverWorker(reason));
onWorkerStall((reason) => void recoverWorker(reason));
startOfflineSupport();
startFrameLoop();
const start = readHash();
void boot(start.hash, start.restored);
onPastedLink((hash) => void openPastedLink(hash));
