import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPosterPng, renderPostersPdf, type PosterInput } from '../../../functions/src/codes/poster.js';

const poster: PosterInput = {
  title: '招聘：包装工（固阳县帮扶车间）',
  line: '用微信扫一扫，看岗位、报名',
  office: '固阳县人力资源和社会保障局',
  // ~250 characters, as the real 码到农家 links are.
  url: `https://bangfu.example.cn/c/${'Qx7kP2mZ9vR4tL8w'.repeat(14)}?from=poster&region=150222`,
};

function decode(png: Buffer) {
  const image = PNG.sync.read(png);
  return { image, qr: jsQR(new Uint8ClampedArray(image.data), image.width, image.height) };
}

/** Share of dark pixels in a band of rows. */
function darkShare(image: PNG, fromY: number, toY: number): number {
  let dark = 0;
  for (let y = fromY; y < toY; y++) {
    for (let x = 0; x < image.width; x++) if (image.data[(y * image.width + x) * 4]! < 128) dark++;
  }
  return dark / ((toY - fromY) * image.width);
}

/** Page objects, not the /Pages tree node. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

describe('poster PNG', () => {
  it('is A4-shaped, and its QR decodes back to the url', async () => {
    const { image, qr } = decode(await renderPosterPng(poster));
    expect(image.width).toBe(1240);
    expect(image.height).toBe(1754);
    expect(poster.url.length).toBeGreaterThan(240);
    expect(qr?.data).toBe(poster.url);
    // Large: the finder patterns' centres sit 3.5 modules in from the symbol's edges.
    const modules = 17 + 4 * qr!.version;
    const symbolWidth = ((qr!.location.topRightCorner.x - qr!.location.topLeftCorner.x) * modules) / (modules - 7);
    expect(symbolWidth).toBeGreaterThanOrEqual(0.5 * image.width);
    // In the middle.
    expect(Math.abs((qr!.location.topLeftCorner.x + qr!.location.topRightCorner.x) / 2 - image.width / 2)).toBeLessThan(10);
  });

  it('draws the heading, the line and the office as text (not blank), on white', async () => {
    const { image, qr } = decode(await renderPosterPng(poster));
    const qrTop = Math.min(qr!.location.topLeftCorner.y, qr!.location.topRightCorner.y);
    const qrBottom = qr!.location.bottomLeftCorner.y;
    expect(darkShare(image, 0, 60)).toBe(0); // white margin
    expect(darkShare(image, 60, qrTop - 80)).toBeGreaterThan(0.01); // heading
    expect(darkShare(image, qrBottom + 80, image.height)).toBeGreaterThan(0.005); // line and office
  });

  it('still fits a long mixed heading (two lines) and a long url', async () => {
    const long = {
      ...poster,
      title: '招聘：电焊工 Java 开发（包头市九原区哈林格尔镇帮扶车间）二期',
      url: `${poster.url}&more=${'x'.repeat(300)}`,
    };
    const { qr } = decode(await renderPosterPng(long));
    expect(qr?.data).toBe(long.url);
  });
});

describe('posters PDF', () => {
  it('is a PDF with one page per poster', async () => {
    const posters = [poster, { ...poster, title: '招聘：缝纫工', url: `${poster.url}&n=2` }, poster];
    const pdf = await renderPostersPdf(posters);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(3);
    // The Chinese font is embedded (a CID font subset), so the text is real glyphs, not boxes.
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
  });

  it('prints 50 posters in one file', async () => {
    const posters = Array.from({ length: 50 }, (_, i) => ({
      ...poster,
      title: `${poster.title}${i + 1}`,
      url: `${poster.url}&n=${i}`,
    }));
    const started = performance.now();
    const pdf = await renderPostersPdf(posters);
    console.log(`50-poster PDF: ${Math.round(performance.now() - started)} ms, ${Math.round(pdf.length / 1024)} KiB`);
    expect(pageCount(pdf)).toBe(50);
  });

  it('refuses an empty list', async () => {
    await expect(renderPostersPdf([])).rejects.toThrow(/no posters/);
  });
});

describe('poster font', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('names the missing font path, given as an option', async () => {
    await expect(renderPosterPng(poster, { fontPath: '/nowhere/NoSuchFont.ttc' })).rejects.toThrow(
      'Poster font not found at /nowhere/NoSuchFont.ttc',
    );
  });

  it('names the missing font path, given as POSTER_FONT_PATH', async () => {
    vi.stubEnv('POSTER_FONT_PATH', '/nowhere/FromEnv.otf');
    await expect(renderPostersPdf([poster])).rejects.toThrow('Poster font not found at /nowhere/FromEnv.otf');
  });
});
