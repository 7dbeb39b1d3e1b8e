import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickBridge } from './api/bridge';
import { createClient, setClient } from './api/client';
import { App } from './components/App';

const { bridge } = pickBridge();
setClient(createClient(bridge));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
