// Draws the Hostlens icon (a lens over a dot, on blue) at every size the stores and browsers
// ask for, from this one description, so the sizes can't drift apart. Run: node scripts/make-icons.mjs
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Colour of the point (x, y) in a unit square, as [r, g, b, a]; 4×4 supersampled below. */
function paint(x, y) {
  const corner = 0.18;
  const dx = Math.max(corner - x, 0, x - (1 - corner));
  const dy = Math.max(corner - y, 0, y - (1 - corner));
  if (dx * dx + dy * dy > corner * corner) return [0, 0, 0, 0];
  const lens = Math.hypot(x - 0.44, y - 0.44);
  const handle = Math.abs(x - y) < 0.07 && x > 0.6 && x < 0.84;
  if ((lens > 0.2 && lens < 0.28) || handle) return [255, 255, 255, 255];
  if (lens < 0.09) return [255, 214, 102, 255];
  return [11, 87, 208, 255];
}

for (const size of SIZES) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const p = paint((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          for (let i = 0; i < 4; i++) sum[i] += p[i] * (i < 3 ? p[3] / 255 : 1);
        }
      const a = sum[3] / 16;
      const px = [0, 1, 2].map((i) => (a ? Math.round(sum[i] / 16 / (a / 255)) : 0));
      raw.set([...px, Math.round(a)], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png);
}
console.log(`icons: ${SIZES.join(', ')} px`);
