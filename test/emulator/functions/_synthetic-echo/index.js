'use strict';

// Shared handler of the synthetic functions (seedSynthetic): echoes the event.
exports.handler = async (event) => ({ function: process.env.AWS_LAMBDA_FUNCTION_NAME, echo: event });
