import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { selectTransport } from './api/selectTransport';
import { App } from './App';
import { DeskProviders } from './DeskProviders';
import './styles.css';

const api = createApiClient(selectTransport(window));
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <DeskProviders api={api}>
      <App />
    </DeskProviders>
  </StrictMode>,
);
