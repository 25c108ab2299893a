'use client';
import type { ReactNode } from 'react';

export interface PaymentTitleProps {
  /** The wallet's name, e.g. "WeChat Pay". */
  wallet: string;
  /** The formatted amount; left out when Clink's answer had none. */
  amount?: string | undefined;
}

/** What is being paid and with what, first and largest in a QR code or app view. */
export function PaymentTitle({ wallet, amount }: PaymentTitleProps): ReactNode {
  return (
    <p className="clink-title">
      <span className="clink-title__wallet">{wallet}</span>
      {amount && <span className="clink-title__amount">{amount}</span>}
    </p>
  );
}
