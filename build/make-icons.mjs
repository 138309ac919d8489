// Draws the desk's emblem and writes build/icon.png (512x512) and build/icon.ico (16, 32, 48 as
// bitmaps, 256 as PNG) with nothing but node:zlib. Run `node build/make-icons.mjs` after changing
// the drawing; the outputs are committed, electron-builder reads them from build/.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BLUE_TOP = [35, 110, 230];
const BLUE_BOTTOM = [14, 70, 170];
const GREEN = [22, 163, 74];
const WHITE = [255, 255, 255];

/** Signed distance to a rounded box centred at (cx, cy) with half sizes (hx, hy) and radius r. */
function roundedBox(x, y, cx, cy, hx, hy, r) {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Colour and coverage at (x, y) in [0, 1]²: blue tile, white cross, green badge with an arrow. */
function paint(x, y) {
  if (roundedBox(x, y, 0.5, 0.5, 0.47, 0.47, 0.11) > 0) return null;
  const t = y;
  let color = BLUE_TOP.map((c, i) => c + (BLUE_BOTTOM[i] - c) * t);
  const cross = Math.min(roundedBox(x, y, 0.44, 0.44, 0.085, 0.25, 0.03), roundedBox(x, y, 0.44, 0.44, 0.25, 0.085, 0.03));
  if (cross <= 0) color = WHITE;
  const badge = Math.hypot(x - 0.74, y - 0.74) - 0.17;
  if (badge <= 0) {
    color = GREEN;
    // A right-pointing arrow: shaft and head, for 异地 (care elsewhere).
    const shaft = roundedBox(x, y, 0.71, 0.74, 0.07, 0.022, 0.01);
    const hx = x - 0.76;
    const head = hx >= 0 && hx <= 0.08 && Math.abs(y - 0.74) <= 0.075 - hx * 0.94;
    if (shaft <= 0 || head) color = WHITE;
  } else if (badge <= 0.025) {
    color = WHITE; // a white ring separates the badge from the cross
  }
  return color;
}

/** RGBA pixels, 4x4 supersampled. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
        pixels[o + 3] = Math.round((a / (n * n)) * 255);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A classic ICO bitmap entry: BITMAPINFOHEADER, BGRA bottom-up, then the 1-bit AND mask. */
function dib(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour + mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const colors = Buffer.alloc(size * size * 4);
  const maskRow = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y += 1) {
    const src = (size - 1 - y) * size * 4;
    for (let x = 0; x < size; x += 1) {
      const s = src + x * 4;
      const d = (y * size + x) * 4;
      colors[d] = rgba[s + 2];
      colors[d + 1] = rgba[s + 1];
      colors[d + 2] = rgba[s];
      colors[d + 3] = rgba[s + 3];
      if (rgba[s + 3] === 0) mask[y * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, colors, mask]);
}

function ico(images) {
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + i * 16;
    dir[e] = size >= 256 ? 0 : size;
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(data.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...images.map((i) => i.data)]);
}

const out = (name) => fileURLToPath(new URL(`./${name}`, import.meta.url));
writeFileSync(out('icon.png'), png(512, render(512)));
const entries = [16, 32, 48].map((size) => ({ size, data: dib(size, render(size)) }));
entries.push({ size: 256, data: png(256, render(256)) });
writeFileSync(out('icon.ico'), ico(entries));
console.log('wrote build/icon.png (512x512) and build/icon.ico (16, 32, 48, 256)');
