/**
 * Printable A4 posters for 码到农家 codes: a heading, a large QR code, one line of plain words, the office.
 *
 * Why: `qrcode` gives the matrix; `fontkit` (pdfkit's own font engine) parses the font once, for both outputs;
 * `@resvg/resvg-wasm` rasterises an SVG whose text is the font's glyph outlines (WebAssembly: the same on x64 here
 * and on the ARM Lambda, no native binary to match); `pdfkit` embeds the font as real text.
 * Font: Debian's fonts-noto-cjk, already on every machine; npm's Noto Sans SC packages are woff2 slices or ~10 MB a weight.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Resvg as ResvgClass } from '@resvg/resvg-wasm';
import type { Font } from 'fontkit';
import type QRCodeModule from 'qrcode';
import { loadQrCode } from './qrCode.js';

export interface PosterInput {
  /** Big heading, Chinese, e.g. "招聘：包装工（固阳县帮扶车间）" — up to ~30 characters, wrap to 2 lines if needed */
  title: string;
  /** One line of plain words, e.g. "用微信扫一扫，看岗位、报名" */
  line: string;
  /** The issuing office, e.g. "固阳县人力资源和社会保障局" */
  office: string;
  /** The text to encode in the QR (an HTTPS URL, ~250 characters) */
  url: string;
}

export interface PosterOptions {
  /** A font file with Simplified-Chinese glyphs (OTF/TTF, or a TTC holding NotoSansCJKsc-Regular). */
  fontPath?: string;
}

export const DEFAULT_POSTER_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The Simplified-Chinese face inside a Noto/Source Han CJK collection. */
const COLLECTION_FACE = 'NotoSansCJKsc-Regular';

/** The layout is in pixels of A4 at 150 dpi; the PDF draws the same layout scaled to points. */
const W = 1240;
const H = 1754;
const PT_PER_PX = 72 / 150;
const TEXT_WIDTH = W - 2 * 100;
/** QR symbol at ~60% of the page width; 4 modules of white around it, as the QR standard asks. */
const QR_TARGET = 0.6 * W;
const QR_CENTER_Y = 0.48 * H;
const QUIET_MODULES = 4;
/** Largest text sizes in px (84 px ≈ 40 pt); a longer text shrinks to fit the width. */
const TITLE_MAX = 84;
const LINE_MAX = 52;
const OFFICE_MAX = 40;

// One parse of the (20 MB) font per path for the life of the process: Lambda containers and the local server reuse it.
const fonts = new Map<string, Promise<Font>>();

function posterFont(options: PosterOptions = {}): Promise<Font> {
  const path = options.fontPath ?? process.env.POSTER_FONT_PATH ?? DEFAULT_POSTER_FONT_PATH;
  let font = fonts.get(path);
  if (!font) {
    font = loadFont(path);
    fonts.set(path, font);
    font.catch(() => fonts.delete(path)); // a font installed later is picked up on the next call
  }
  return font;
}

async function loadFont(path: string): Promise<Font> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new Error(
      `Poster font not found at ${path}: install Debian's fonts-noto-cjk or set POSTER_FONT_PATH to a Chinese OTF/TTF/TTC`,
      { cause: err },
    );
  }
  // fontkit and resvg are loaded by the first poster: unpacking fontkit's Unicode tables took ~90 ms of every cold start.
  const { create: createFont } = await import('fontkit');
  const opened = createFont(bytes);
  if (!('fonts' in opened)) return opened;
  const face = opened.getFont(COLLECTION_FACE);
  if (!face) throw new Error(`Poster font collection ${path} has no ${COLLECTION_FACE} face`);
  return face;
}

/** A line of text placed on the page: left edge and baseline in px. */
interface PlacedText {
  text: string;
  size: number;
  x: number;
  baseline: number;
}

interface Layout {
  texts: PlacedText[];
  qr: { x: number; y: number; module: number; runs: { col: number; row: number; len: number }[] };
}

function layout(poster: PosterInput, font: Font, QRCode: typeof QRCodeModule): Layout {
  // Widths from the glyphs' advances, without full OpenType shaping: Chinese is monospaced and shaping is the
  // slow part of fontkit (a 50-page PDF would shape each heading dozens of times while choosing its line break).
  const widthAt = (text: string, size: number) =>
    (font.glyphsForString(text).reduce((sum, g) => sum + g.advanceWidth, 0) * size) / font.unitsPerEm;
  const place = (text: string, size: number, baseline: number): PlacedText => ({
    text,
    size,
    baseline,
    x: (W - widthAt(text, size)) / 2,
  });
  /** Largest size up to `max` at which the widest line fits the text width. */
  const fit = (lines: string[], max: number) => Math.min(max, ...lines.map((l) => (TEXT_WIDTH * max) / widthAt(l, max)));

  // Error level M: survives a scuffed or dirty print without growing the symbol much.
  const matrix = QRCode.create(poster.url, { errorCorrectionLevel: 'M' }).modules;
  const module = Math.max(1, Math.floor(QR_TARGET / matrix.size)); // whole pixels keep the modules crisp
  const side = module * matrix.size;
  const qrX = Math.round((W - side) / 2);
  const qrY = Math.round(QR_CENTER_Y - side / 2);
  const runs: Layout['qr']['runs'] = [];
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size;) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.get(row, col)) col++;
      runs.push({ col: start, row, len: col - start });
    }
  }

  // The heading sits in the middle of the space above the QR's quiet zone; one line if it fits, else two.
  const titleLines = splitTitle(poster.title.trim(), (t) => widthAt(t, TITLE_MAX));
  const titleSize = fit(titleLines, TITLE_MAX);
  const leading = titleSize * 1.3;
  const titleTop = (qrY - QUIET_MODULES * module - titleLines.length * leading) / 2;
  const texts = titleLines.map((l, i) => place(l, titleSize, titleTop + i * leading + titleSize));

  const line = poster.line.trim();
  const lineSize = fit([line], LINE_MAX);
  texts.push(place(line, lineSize, qrY + side + QUIET_MODULES * module + 40 + lineSize));
  const office = poster.office.trim();
  texts.push(place(office, fit([office], OFFICE_MAX), H - 150));
  return { texts, qr: { x: qrX, y: qrY, module, runs } };
}

const NO_LINE_START = new Set('，。、：；！？）》」』】,.:;!?)');
const NO_LINE_END = new Set('（《「『【(');
const WORD = /[A-Za-z0-9]/;
/** Where a heading reads best broken: after "招聘：", at a comma, before a parenthesis, at a space. */
const GOOD_AFTER = new Set('：，、；:,; ');
const GOOD_BEFORE = new Set('（《(');

/**
 * One line if it fits at full size, else two: the split whose wider line is narrowest (biggest type),
 * unless a split at a natural break costs at most 20% of that size.
 */
function splitTitle(title: string, width: (text: string) => number): string[] {
  const chars = Array.from(title);
  if (chars.length < 2 || width(title) <= TEXT_WIDTH) return [title];
  const split = (at: number) => [chars.slice(0, at).join('').trim(), chars.slice(at).join('').trim()];
  let best: { lines: string[]; cost: number } | undefined;
  let natural: typeof best;
  for (let at = 1; at < chars.length; at++) {
    const before = chars[at - 1]!;
    const after = chars[at]!;
    // Chinese typesetting: no closing mark starts a line, no opening mark ends one; and don't cut Latin words.
    if (NO_LINE_START.has(after) || NO_LINE_END.has(before) || (WORD.test(before) && WORD.test(after))) continue;
    const lines = split(at);
    const cost = Math.max(...lines.map(width));
    if (!best || cost < best.cost) best = { lines, cost };
    if ((GOOD_AFTER.has(before) || GOOD_BEFORE.has(after)) && (!natural || cost < natural.cost)) natural = { lines, cost };
  }
  if (natural && natural.cost <= Math.max(TEXT_WIDTH, best!.cost * 1.2)) return natural.lines;
  return best?.lines ?? split(Math.ceil(chars.length / 2)); // e.g. one long Latin word
}

function svgOf(page: Layout, font: Font): string {
  const { x, y, module, runs } = page.qr;
  const qr = runs.map((r) => `M${r.col} ${r.row}h${r.len}v1h-${r.len}z`).join('');
  // Text as the font's glyph outlines, placed in page pixels (font units are y-up, SVG is y-down).
  const text = page.texts
    .map((t) => {
      const k = t.size / font.unitsPerEm;
      const run = font.layout(t.text);
      let pen = 0;
      return run.glyphs
        .map((glyph, i) => {
          const pos = run.positions[i]!;
          const d = glyph.path.transform(k, 0, 0, -k, t.x + (pen + pos.xOffset) * k, t.baseline - pos.yOffset * k).toSVG();
          pen += pos.xAdvance;
          return d;
        })
        .join('');
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<rect width="${W}" height="${H}" fill="#fff"/>` +
    `<path transform="translate(${x} ${y}) scale(${module})" d="${qr}" fill="#000" shape-rendering="crispEdges"/>` +
    `<path d="${text}" fill="#000"/></svg>`
  );
}

/** The rasteriser and its WebAssembly, compiled once per process. */
let resvg: Promise<typeof ResvgClass> | undefined;
function resvgReady(): Promise<typeof ResvgClass> {
  resvg ??= (async () => {
    const { initWasm, Resvg } = await import('@resvg/resvg-wasm');
    await initWasm(await readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return Resvg;
  })();
  return resvg;
}

/** One A4-shaped PNG (1240×1754, A4 at 150 dpi). */
export async function renderPosterPng(poster: PosterInput, options?: PosterOptions): Promise<Buffer> {
  const [font, Resvg, QRCode] = await Promise.all([posterFont(options), resvgReady(), loadQrCode()]);
  const image = new Resvg(svgOf(layout(poster, font, QRCode), font), { font: { loadSystemFonts: false } }).render();
  try {
    return Buffer.from(image.asPng());
  } finally {
    image.free();
  }
}

/** One PDF, one A4 page per poster, the same layout as the PNG with the text embedded as real text. */
export async function renderPostersPdf(posters: readonly PosterInput[], options?: PosterOptions): Promise<Buffer> {
  if (posters.length === 0) throw new Error('renderPostersPdf: no posters to print');
  const font = await posterFont(options);
  const QRCode = await loadQrCode();
  // pdfkit takes half a second to load; only printing a PDF should pay for it, not every cold start.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: '码到农家', Creator: 'Bangfu 帮扶就业' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit (≥0.20, PDFFontFactory.open) takes an opened fontkit font, so the cached parse is reused; its types only list bytes.
  doc.registerFont('poster', font as unknown as Buffer);
  for (const poster of posters) {
    const page = layout(poster, font, QRCode);
    doc.addPage({ size: 'A4', margin: 0 });
    doc.save().scale(PT_PER_PX);
    const { x, y, module, runs } = page.qr;
    for (const r of runs) doc.rect(x + r.col * module, y + r.row * module, r.len * module, module);
    doc.fill('#000');
    doc.font('poster');
    for (const t of page.texts) {
      doc.fontSize(t.size).text(t.text, t.x, t.baseline, { lineBreak: false, baseline: 'alphabetic' });
    }
    doc.restore();
  }
  doc.end();
  return done;
}
