import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerServiceWorker } from './io/pwa';
import { App } from './ui/App';
import { UpdatePrompt } from './ui/UpdatePrompt';
import './ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
    <UpdatePrompt />
  </StrictMode>,
);

// Offline support: precaches the app, ORT wasm, model and samples; updates wait for the user.
registerServiceWorker();
