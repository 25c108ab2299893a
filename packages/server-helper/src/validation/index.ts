export { validateCreatePaymentParams } from './createPaymentParams.js';
export { validateCreatePaymentInstrumentParams } from './createPaymentInstrumentParams.js';
export { validateOrderId } from './orderId.js';
