import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchOrderOutcome, OrderLookupError, type OrderOutcomeResponse } from './api.js';
import { formatMoney } from '../shared/catalog.js';
import { forgetSavedCart } from './cart.js';

/** Checks again while the payment has no outcome yet. */
const PENDING_REFRESH_MS = 2000;

/**
 * Where Clink (or the shop itself) sends the customer after a payment. The `orderId` in the URL
 * only says which order to look up: the outcome comes from the shop's server, which asks Clink.
 */
export function ReturnPage({ orderId }: { orderId: string | null }) {
  if (orderId === null || orderId === '') {
    return (
      <section className="panel" aria-labelledby="return-title">
        <h2 id="return-title">No order to show</h2>
        <p>This link does not name an order.</p>
        <a className="button-link" href="/">
          Back to the shop
        </a>
      </section>
    );
  }
  // One live region for the whole lookup, so "Waiting for payment…" turning into "Paid" is announced.
  return (
    <div aria-live="polite">
      <OrderOutcomePanel orderId={orderId} />
    </div>
  );
}

function OrderOutcomePanel({ orderId }: { orderId: string }) {
  const query = useQuery({
    queryKey: ['order', orderId],
    queryFn: ({ signal }) => fetchOrderOutcome(orderId, signal),
    refetchInterval: (q) => {
      if (isUnknownOrder(q.state.error)) return false;
      return q.state.data?.outcome === 'pending' || q.state.error ? PENDING_REFRESH_MS : false;
    },
    retry: (failures, error) => !isUnknownOrder(error) && failures < 3,
  });

  if (query.data) return <Outcome order={query.data} />;
  if (query.error) {
    const notFound = isUnknownOrder(query.error);
    return (
      <section className="panel" aria-labelledby="return-title" data-outcome="error">
        <h2 id="return-title">{notFound ? 'We cannot find this order' : 'We cannot check this payment right now'}</h2>
        <p role="alert">{notFound ? 'Check the link, or start again from the shop.' : query.error.message}</p>
        <a className="button-link" href="/">
          Back to the shop
        </a>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="return-title" aria-busy="true">
      <h2 id="return-title">Checking your payment…</h2>
    </section>
  );
}

function isUnknownOrder(error: unknown): boolean {
  return error instanceof OrderLookupError && error.status === 404;
}

function Outcome({ order }: { order: OrderOutcomeResponse }) {
  // An order first learnt of from a webhook may lack some details: say what is known.
  const summary = [
    order.productName && (order.quantity ? `${order.quantity} × ${order.productName}` : order.productName),
    order.amount !== undefined && order.currency ? formatMoney(order.amount, order.currency) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const paid = order.outcome === 'paid';
  // A paid cart is done with; a failed one waits for "Try again" as the customer left it.
  useEffect(() => {
    if (paid) forgetSavedCart();
  }, [paid]);
  switch (order.outcome) {
    case 'paid':
      return (
        <section className="panel outcome outcome-paid" aria-labelledby="return-title" data-outcome="paid">
          <h2 id="return-title">Paid</h2>
          <p>Thank you! Your coffee is on its way.</p>
          <p className="muted">
            {summary && `${summary}. `}Order <code>{order.orderId}</code>.
          </p>
          <a className="button-link" href="/">
            Back to the shop
          </a>
        </section>
      );
    case 'failed':
      return (
        <section className="panel outcome outcome-failed" aria-labelledby="return-title" data-outcome="failed">
          <h2 id="return-title">Payment failed — try again</h2>
          <p>Nothing was charged. Your cart is kept: you can pay again, with the same or another method.</p>
          <p className="muted">
            {summary && `${summary}. `}Order <code>{order.orderId}</code>.
          </p>
          <a className="button-link" href="/">
            Try again
          </a>
        </section>
      );
    case 'pending':
      return (
        <section className="panel outcome outcome-pending" aria-labelledby="return-title" data-outcome="pending">
          <h2 id="return-title">Waiting for payment…</h2>
          <p>Finish the payment in your bank or wallet app. This page updates by itself.</p>
          <p className="muted">
            {summary && `${summary}. `}Order <code>{order.orderId}</code>.
          </p>
        </section>
      );
    default:
      return order.outcome satisfies never;
  }
}
