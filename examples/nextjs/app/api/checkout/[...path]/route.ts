import { checkoutHandler } from '@/lib/checkout';

export const runtime = 'nodejs'; // or 'edge': the handler needs only fetch and Web Crypto
export const dynamic = 'force-dynamic';

export const GET = (request: Request) => checkoutHandler(request);
export const POST = (request: Request) => checkoutHandler(request);
export const OPTIONS = (request: Request) => checkoutHandler(request);
