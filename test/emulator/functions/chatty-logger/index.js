'use strict';

// Writes about 10 KB of log lines (INFO, with a WARN every 25 and an ERROR every 50).
exports.handler = async (event) => {
  const n = event && Number.isInteger(event.lines) && event.lines > 0 ? event.lines : 100;
  const filler = 'lorem ipsum dolor sit amet '.repeat(3).trim();
  for (let i = 1; i <= n; i++) {
    const line = `line ${String(i).padStart(4, '0')} of ${n}: ${filler}`;
    if (i % 50 === 0) {
      console.error(line);
    } else if (i % 25 === 0) {
      console.warn(line);
    } else {
      console.log(line);
    }
  }
  return { lines: n };
};
