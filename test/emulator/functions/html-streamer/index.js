'use strict';

// A function URL page: HttpResponseStream.from puts the status code and headers first (a JSON
// prelude and 8 zero bytes), then the HTML follows in parts.
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const title = event && typeof event.title === 'string' ? event.title : 'Streamed page';
  const stream = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
  stream.write(`<!DOCTYPE html>\n<html><head><title>${title}</title></head><body>\n`);
  for (let i = 1; i <= 3; i++) {
    await pause(150);
    stream.write(`<p>Section ${i}</p>\n`);
  }
  stream.end('</body></html>\n');
});
