/** Entry point: mount the app, start the frame loop, open the link in the address bar. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startFrameLoop } from './engine/frameLoop';
import './export/brian2Action';
import { boot } from './store/actions';
import { readHash } from './url/urlSync';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
startFrameLoop();
void boot(readHash());
