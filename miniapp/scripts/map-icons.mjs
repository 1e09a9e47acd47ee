// Draws the WeChat map marker images in src/assets/map (PNG, RGBA) by supersampling simple shapes.
// Run by hand when a colour changes: node miniapp/scripts/map-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(w, h, pixel) {
  const raw = Buffer.alloc((w * 4 + 1) * h);
  const S = 4;
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = pixel(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
          if (c) {
            r += c[0] * c[3];
            g += c[1] * c[3];
            b += c[2] * c[3];
            a += c[3];
          }
        }
      const o = y * (w * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const hex = (s) => [parseInt(s.slice(1, 3), 16), parseInt(s.slice(3, 5), 16), parseInt(s.slice(5, 7), 16)];
const WHITE = hex('#ffffff');

/** Teardrop: a circle on top, its tangents meeting at the tip at the bottom centre. */
function teardrop(fill) {
  const w = 72,
    h = 90,
    cx = 36,
    cy = 34,
    R = 30,
    tipY = 87,
    border = 6;
  const inside = (x, y, r) => {
    const dx = x - cx,
      dy = y - cy;
    if (dx * dx + dy * dy <= r * r) return true;
    // the cone from the tip to the circle's tangent points
    const d = tipY - cy;
    const sin = r / d;
    const halfAngle = Math.asin(Math.min(1, sin));
    if (y < cy || y > tipY - (R - r)) return false;
    const ang = Math.atan2(Math.abs(x - cx), tipY - (R - r) - y);
    return ang <= halfAngle;
  };
  const col = hex(fill);
  return png(w, h, (x, y) => (inside(x, y, R - border) ? [...col, 1] : inside(x, y, R) ? [...WHITE, 1] : null));
}
function disc(size, fill, border) {
  const c = size / 2,
    R = size / 2 - 1;
  const col = hex(fill);
  return png(size, size, (x, y) => {
    const d = Math.hypot(x - c, y - c);
    return d <= R - border ? [...col, 1] : d <= R ? [...WHITE, 1] : null;
  });
}
const out = new URL('../src/assets/map/', import.meta.url).pathname;
writeFileSync(out + 'pin.png', teardrop('#0050b3'));
writeFileSync(out + 'pin-selected.png', teardrop('#c2410c'));
writeFileSync(out + 'cluster.png', disc(96, '#0050b3', 6));
writeFileSync(out + 'here.png', disc(48, '#111111', 6));
