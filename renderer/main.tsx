import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { Providers } from './app/providers';
import { preloadPageAt } from './app/routes';

// The hash router's path (#/disputes?… → /disputes).
preloadPageAt(window.location.hash.slice(1).split('?')[0] || '/');

createRoot(document.getElementById('root')!).render(
  <Providers>
    <App />
  </Providers>,
);
