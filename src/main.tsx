import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startUrlSync } from './state/url-sync';
import './app/styles.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('Missing #root element in index.html');
}

startUrlSync();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
