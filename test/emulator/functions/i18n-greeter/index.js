'use strict';

// Logs Japanese text and emoji: the 4 KB log tail is likely to start inside a multi-byte character.
exports.handler = async (event) => {
  const n = event && Number.isInteger(event.lines) && event.lines > 0 ? event.lines : 60;
  for (let i = 1; i <= n; i++) {
    console.log(`こんにちは、世界 🌏🚀 ${i} 番目のあいさつ — ようこそ 🎌`);
  }
  console.log('さようなら 👋');
  return { greeting: 'こんにちは 👋' };
};
