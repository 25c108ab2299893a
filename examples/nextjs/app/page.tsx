import { ClinkPayButton } from '@clink-checkout/react';
import { PRODUCTS } from '@/lib/catalog';

const product = PRODUCTS['house-blend'];
const price = new Intl.NumberFormat('en-US', { style: 'currency', currency: product.currency }).format(product.amount);

/** A Server Component: the pay buttons are client components inside it, configured with plain props. */
export default function ShopPage() {
  return (
    <main className="shop">
      <h1>Coffee shop</h1>
      <section className="product" aria-labelledby="product-name">
        <h2 id="product-name">{product.name}</h2>
        <p className="price">{price}</p>
        <div className="pay">
          <ClinkPayButton endpoint="/api/checkout" paymentMethodType="WECHAT" payload={{ productId: 'house-blend' }} />
          <ClinkPayButton endpoint="/api/checkout" paymentMethodType="CARD" payload={{ productId: 'house-blend' }} />
        </div>
      </section>
    </main>
  );
}
