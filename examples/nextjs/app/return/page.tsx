import { clinkClient } from '@/lib/clink';

export const dynamic = 'force-dynamic';

/**
 * Where Clink sends the customer back after a redirect (a card's 3-D Secure page). Arriving here proves
 * nothing: the server asks Clink for the order.
 */
export default async function ReturnPage({ searchParams }: { searchParams: Promise<{ orderId?: string }> }) {
  const { orderId } = await searchParams;
  let heading = 'No payment to show';
  if (orderId) {
    try {
      const order = await clinkClient().getOrder(orderId);
      heading =
        order.status === 'success' ? 'Paid' : order.status === 'failed' ? 'Payment failed' : 'Waiting for payment…';
    } catch {
      heading = 'We could not check this payment';
    }
  }
  return (
    <main className="shop">
      <h1>{heading}</h1>
      {orderId ? <p className="order">Order {orderId}</p> : null}
      <p>
        <a href="/">Back to the shop</a>
      </p>
    </main>
  );
}
