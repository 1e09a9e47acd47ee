import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodePixels, fittedSize, type Pixels } from '../../../miniapp/src/components/scan/decodeImage';

/** A QR code as a PNG (what a phone would photograph), read back as RGBA pixels. */
async function qrPixels(text: string, options: { scale?: number; margin?: number } = {}): Promise<Pixels> {
  const png = await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', scale: 6, margin: 4, ...options });
  const { data, width, height } = PNG.sync.read(png);
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height };
}

function blank(width: number, height: number, value = 255): Pixels {
  return { data: new Uint8ClampedArray(width * height * 4).fill(value), width, height };
}

/** Light on dark: every colour flipped, alpha kept. */
function inverted({ data, width, height }: Pixels): Pixels {
  const out = new Uint8ClampedArray(data);
  for (let i = 0; i < out.length; i += 4) {
    out[i] = 255 - out[i]!;
    out[i + 1] = 255 - out[i + 1]!;
    out[i + 2] = 255 - out[i + 2]!;
  }
  return { data: out, width, height };
}

describe('decodePixels', () => {
  it('reads the text of a QR code', async () => {
    const text = 'https://bangfu.example.cn/claim?code=BF-2026-000123';
    expect(decodePixels(await qrPixels(text))).toBe(text);
  });

  it('reads Chinese text (UTF-8 in byte mode)', async () => {
    const text = '帮扶就业 工友登记码 w_00000000-0000-4000-8000-000000000001';
    expect(decodePixels(await qrPixels(text))).toBe(text);
  });

  it('reads a small code with a thin quiet zone', async () => {
    expect(decodePixels(await qrPixels('BF42', { scale: 3, margin: 2 }))).toBe('BF42');
  });

  it('reads a light-on-dark code with attemptBoth, not with dontInvert', async () => {
    const pixels = inverted(await qrPixels('倒色二维码'));
    expect(decodePixels(pixels)).toBe('倒色二维码');
    expect(decodePixels(pixels, 'dontInvert')).toBeUndefined();
  });

  it('gives undefined for a blank image', () => {
    expect(decodePixels(blank(240, 180))).toBeUndefined();
    expect(decodePixels(blank(240, 180, 0))).toBeUndefined();
  });

  it('gives undefined for empty or short pixel data', () => {
    expect(decodePixels(blank(0, 0))).toBeUndefined();
    expect(decodePixels({ data: new Uint8ClampedArray(10), width: 100, height: 100 })).toBeUndefined();
  });
});

describe('fittedSize', () => {
  it('brings the long side down to the limit, keeping the shape', () => {
    expect(fittedSize(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fittedSize(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges, and never gives zero', () => {
    expect(fittedSize(640, 480, 1600)).toEqual({ width: 640, height: 480 });
    expect(fittedSize(10_000, 1, 1600)).toEqual({ width: 1600, height: 1 });
  });
});
