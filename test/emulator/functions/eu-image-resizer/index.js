'use strict';

// Pretends to resize an image named in the event.
exports.handler = async (event) => {
  const key = (event && event.key) || 'uploads/photo.jpg';
  const width = (event && event.width) || 640;
  console.log(`Resizing ${key} to ${width}px`);
  return { resized: true, key, width, height: Math.round((width * 3) / 4), bucket: 'eu-images' };
};
