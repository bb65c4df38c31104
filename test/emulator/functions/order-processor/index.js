'use strict';

// Processes one order; fails when the event has no orderId.
exports.handler = async (event) => {
  console.log('Received order event', JSON.stringify(event));
  if (!event || !event.orderId) {
    throw new Error('Order could not be processed: missing orderId');
  }
  console.info(`Order ${event.orderId} processed`);
  return { ok: true, orderId: event.orderId };
};
