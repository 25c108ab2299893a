import type { ReactNode } from 'react';
import '@clink-checkout/react/styles.css';
import './shop.css';

export const metadata = { title: 'Clink checkout on Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
