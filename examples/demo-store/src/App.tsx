import { useQuery } from '@tanstack/react-query';
import { fetchStoreConfig } from './api.js';
import { ReturnPage } from './ReturnPage.js';
import { StorePage } from './StorePage.js';

/** Two pages, chosen by path: the shop (`/`) and the return page (`/return?orderId=…`). */
export function App() {
  const config = useQuery({ queryKey: ['config'], queryFn: ({ signal }) => fetchStoreConfig(signal), staleTime: Infinity });
  const onReturnPage = window.location.pathname === '/return';
  return (
    <>
      <header className="site-header">
        <a className="brand" href="/">
          Bean There coffee
        </a>
        {config.data && (
          <p className="mode-badge">
            {config.data.backend === 'local-sandbox'
              ? 'Test mode: local Clink sandbox, no real money'
              : config.data.environment === 'sandbox'
                ? "Test mode: Clink's sandbox"
                : 'Live payments'}
          </p>
        )}
      </header>
      <main className="page">
        <h1>{onReturnPage ? 'Your payment' : 'Checkout'}</h1>
        {onReturnPage ? (
          <ReturnPage orderId={new URLSearchParams(window.location.search).get('orderId')} />
        ) : (
          <StorePage config={config.data} />
        )}
      </main>
    </>
  );
}
