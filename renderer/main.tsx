import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickBridge } from './api/bridge';
import { createClient, setClient } from './api/client';
import { App } from './components/App';
// Sets the theme and density on <html> as it loads, before the first paint.
import './stores/appearance';

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
