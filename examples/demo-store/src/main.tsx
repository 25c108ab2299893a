import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ClinkCheckoutProvider } from '@clink-checkout/react';
import '@clink-checkout/react/styles.css';
import './store.css';
import { App } from './App.js';

const queryClient = new QueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html needs <div id="root">');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ClinkCheckoutProvider endpoint="/api/checkout" locale="en">
        <App />
      </ClinkCheckoutProvider>
    </QueryClientProvider>
  </StrictMode>,
);
