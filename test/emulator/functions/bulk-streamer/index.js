'use strict';

// Streams `event.bytes` bytes (default 1 MiB) in 64 KiB chunks, waiting when the caller is
// slower than the function (write() answers false until 'drain').
const CHUNK = 64 * 1024;

exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const total = event && Number.isInteger(event.bytes) && event.bytes >= 0 ? event.bytes : 1024 * 1024;
  const block = Buffer.alloc(CHUNK, 'lambda-workbench bulk stream\n');
  console.log(`Streaming ${total} bytes`);
  let sent = 0;
  while (sent < total) {
    const piece = block.subarray(0, Math.min(CHUNK, total - sent));
    sent += piece.length;
    if (!responseStream.write(piece)) {
      await new Promise((resolve) => responseStream.once('drain', resolve));
    }
  }
  await new Promise((resolve) => responseStream.end(resolve));
  console.log(`Streamed ${sent} bytes`);
});
