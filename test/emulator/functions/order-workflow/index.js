'use strict';

// A durable order workflow: reserve, charge, ship, one step after the other (about 0.6 s).
const STEPS = ['reserve stock', 'charge card', 'ship parcel'];
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

exports.handler = async (event) => {
  const orderId = event && typeof event.orderId === 'string' ? event.orderId : 'ORDER-1';
  const done = [];
  for (const [i, step] of STEPS.entries()) {
    console.debug(`Order ${orderId}: starting step ${i + 1}`);
    await pause(200);
    console.info(`Order ${orderId}: ${step} done`);
    done.push(step);
  }
  return { orderId, status: 'COMPLETED', steps: done };
};
