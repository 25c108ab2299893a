export { MAX_AMOUNT, validateCreatePaymentParams } from './createPaymentParams.js';
export { validateCreatePaymentInstrumentParams } from './createPaymentInstrumentParams.js';
export { validateOrderId } from './orderId.js';
