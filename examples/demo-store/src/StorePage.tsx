import { useId, useMemo } from 'react';
import { ClinkPayButton } from '@clink-checkout/react';
import { PRODUCTS, formatMoney, lineTotal } from '../shared/catalog.js';
import type { StoreConfig } from './api.js';
import { useSavedCart } from './cart.js';
import { CARD_FLOWS, PAYMENT_METHODS } from './paymentMethods.js';

const product = PRODUCTS[0]!;

/** The shop: one coffee, a quantity, a payment method and the pay button. */
export function StorePage({ config }: { config: StoreConfig | undefined }) {
  const [{ quantity, method: chosenMethod, cardFlow }, updateCart] = useSavedCart(product.maxQuantity);
  const unavailable = config?.unavailableMethods ?? {};
  // A method the shop cannot take (e.g. cards without a saved card on Clink) gives way to the first one it can.
  const method = unavailable[chosenMethod] === undefined ? chosenMethod : PAYMENT_METHODS.find((option) => unavailable[option.type] === undefined)!.type;
  const cardFlows = config?.cardFlows ?? false;
  const quantityId = useId();
  const total = lineTotal(product.unitAmount, quantity);
  const showCardFlows = cardFlows && method === 'CARD';

  // The server prices the cart from this; it never receives an amount from the browser.
  const payload = useMemo(
    () => ({ productId: product.id, quantity, ...(showCardFlows ? { cardFlow } : {}) }),
    [quantity, showCardFlows, cardFlow],
  );

  const setClampedQuantity = (value: number) =>
    updateCart({ quantity: Math.min(product.maxQuantity, Math.max(1, Number.isFinite(value) ? Math.round(value) : 1)) });

  return (
    <div className="store">
      <section className="panel product" aria-labelledby="product-name">
        <div className="product-image" aria-hidden="true">
          ☕
        </div>
        <div>
          <h2 id="product-name">{keepNumbersWithUnits(product.name)}</h2>
          <p className="muted">{product.description}</p>
          <p className="price">{formatMoney(product.unitAmount, product.currency)} per bag</p>
        </div>
        {/* Below the picture and the words, across the card: on a 320 px phone it needs the card's full width. */}
        <div className="quantity">
          <label htmlFor={quantityId}>Quantity</label>
          <button type="button" onClick={() => setClampedQuantity(quantity - 1)} disabled={quantity <= 1} aria-label="One bag fewer">
            −
          </button>
          <input
            id={quantityId}
            type="number"
            inputMode="numeric"
            min={1}
            max={product.maxQuantity}
            value={quantity}
            onChange={(event) => setClampedQuantity(event.currentTarget.valueAsNumber)}
          />
          <button
            type="button"
            onClick={() => setClampedQuantity(quantity + 1)}
            disabled={quantity >= product.maxQuantity}
            aria-label="One bag more"
          >
            +
          </button>
        </div>
      </section>

      <section className="panel checkout" aria-labelledby="checkout-title">
        <h2 id="checkout-title">Pay</h2>
        <p className="total" aria-live="polite">
          Total <strong data-testid="cart-total">{formatMoney(total, product.currency)}</strong>
        </p>

        <fieldset className="methods">
          <legend>Payment method</legend>
          {PAYMENT_METHODS.map((option) => (
            <label key={option.type} className="method">
              <input
                type="radio"
                name="payment-method"
                value={option.type}
                checked={method === option.type}
                disabled={unavailable[option.type] !== undefined}
                onChange={() => updateCart({ method: option.type })}
              />
              <span className="method-label">{option.label}</span>
              <span className="method-hint">{unavailable[option.type] ?? option.hint}</span>
            </label>
          ))}
        </fieldset>

        {showCardFlows && (
          <fieldset className="card-flows">
            <legend>Card check in the sandbox</legend>
            {CARD_FLOWS.map((option) => (
              <label key={option.value} className="method">
                <input
                  type="radio"
                  name="card-flow"
                  value={option.value}
                  checked={cardFlow === option.value}
                  onChange={() => updateCart({ cardFlow: option.value })}
                />
                <span className="method-label">{option.label}</span>
              </label>
            ))}
          </fieldset>
        )}

        <ClinkPayButton
          // Another method or quantity starts a new payment: the old one (a QR code for the old
          // amount, say) is left behind. Coming back from the 3-D Secure page with Back starts afresh too.
          key={`${method}:${quantity}:${showCardFlows ? cardFlow : ''}`}
          paymentMethodType={method}
          payload={payload}
          onSuccess={({ orderId }) => {
            // The return page asks the shop's server, which asks Clink, before it says "Paid".
            window.location.assign(`/return?orderId=${encodeURIComponent(orderId)}`);
          }}
        />
      </section>
    </div>
  );
}

/** "250 g" stays on one line: a unit alone at the start of a line reads as a mistake. */
function keepNumbersWithUnits(text: string): string {
  return text.replace(/(\d) (?=\p{L})/gu, '$1\u00a0');
}
