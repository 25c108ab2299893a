export { validateCreatePaymentParams } from './createPaymentParams.js';
export { validateOrderId } from './orderId.js';
