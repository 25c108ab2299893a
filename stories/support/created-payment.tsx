import type { PaymentMethodType, ReceivedPayment } from '@clink-checkout/react';
import { createCheckoutApi, newIdempotencyKey } from '@clink-checkout/react/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { CHECKOUT_ENDPOINT, type StoryBackend } from './backend.js';
import { DEVICES, type DeviceName } from './environment.js';

export interface CreatedPaymentProps {
  backend: StoryBackend;
  paymentMethodType: PaymentMethodType;
  device: DeviceName;
  /** Renders the created payment; `restart` creates a new one. */
  children: (payment: ReceivedPayment, restart: () => void) => ReactNode;
}

/**
 * Creates a payment through the checkout handler the way a merchant's own code would (here with the
 * core's `createCheckoutApi`), then hands it to `children`: the setting `<PaymentActionRenderer>`
 * is made for, when the payment is created outside `<ClinkPayButton>`.
 */
export function CreatedPayment({ backend, paymentMethodType, device, children }: CreatedPaymentProps): ReactNode {
  const api = useMemo(() => createCheckoutApi({ endpoint: CHECKOUT_ENDPOINT, fetch: backend.fetch }), [backend]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ attempt: number; payment?: ReceivedPayment; error?: Error }>({ attempt: -1 });

  useEffect(() => {
    let live = true;
    const { platformType, ...rest } = DEVICES[device];
    api
      .createPayment(
        { paymentMethodType, platformType, ...('deviceType' in rest ? { deviceType: rest.deviceType } : {}) },
        { idempotencyKey: newIdempotencyKey() },
      )
      .then(
        (payment) => live && setResult({ attempt, payment }),
        (error: Error) => live && setResult({ attempt, error }),
      );
    return () => {
      live = false;
    };
  }, [api, paymentMethodType, device, attempt]);

  if (result.attempt !== attempt) return <p role="status">Creating the payment…</p>;
  if (result.error) return <p role="alert">The story could not create a payment: {result.error.message}</p>;
  return children(result.payment!, () => setAttempt((count) => count + 1));
}
