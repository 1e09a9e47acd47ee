/**
 * Reading a QR code out of pixels with jsQR. `decodePixels` is pure (RGBA in, text out) and
 * runs anywhere, tests included; the rest needs a browser (H5 only). The scanner loads this
 * module with import() on H5 alone, so jsQR stays out of the WeChat bundle.
 */
import jsQR from 'jsqr';

/** RGBA pixels, 4 bytes a pixel, row by row: an ImageData, or a PNG read in a test. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Photos are brought down to this long side before decoding: enough for a code, quick on an old phone. */
export const PHOTO_MAX_SIDE = 1600;
/** If the full-size photo gives nothing, one more try at this size (noise and moiré often go away). */
export const PHOTO_RETRY_SIDE = 800;
/** Camera frames are decoded at this long side at most. */
export const FRAME_MAX_SIDE = 800;

export type Inversion = 'attemptBoth' | 'dontInvert';

/**
 * The text of the QR code in the pixels, or undefined when there is none.
 * `attemptBoth` also finds light-on-dark codes (twice the work; camera frames use `dontInvert`).
 */
export function decodePixels(pixels: Pixels, inversion: Inversion = 'attemptBoth'): string | undefined {
  const { data, width, height } = pixels;
  if (width <= 0 || height <= 0 || data.length < width * height * 4) return undefined;
  const code = jsQR(data, width, height, { inversionAttempts: inversion });
  return code && code.data ? code.data : undefined;
}

/** A width × height brought down (never up) so its long side is at most `maxSide`, whole pixels, at least 1. */
export function fittedSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** H5: draws an image or video frame at most `maxSide` long onto `canvas` (white under it) and reads it back. */
export function pixelsOf(
  source: CanvasImageSource,
  sourceWidth: number,
  sourceHeight: number,
  maxSide: number,
  canvas: HTMLCanvasElement = document.createElement('canvas'),
): ImageData | undefined {
  const { width, height } = fittedSize(sourceWidth, sourceHeight, maxSide);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  // A transparent PNG's clear pixels would otherwise read as black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(source, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

/** H5: a picked file as a loaded image; rejects when it is not a picture the browser can show. */
export function loadImage(file: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  return new Promise<HTMLImageElement>((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('not an image'));
    image.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}

/** H5: a picked file as pixels, long side at most `maxSide`. */
export async function imageDataFromFile(file: Blob, maxSide: number = PHOTO_MAX_SIDE): Promise<ImageData | undefined> {
  const image = await loadImage(file);
  return pixelsOf(image, image.naturalWidth, image.naturalHeight, maxSide);
}

/**
 * H5: the text of the QR code in a photo, or undefined when none is found. Tries the photo at
 * PHOTO_MAX_SIDE, then smaller. Rejects when the file is not a picture at all.
 */
export async function decodePhoto(file: Blob): Promise<string | undefined> {
  const image = await loadImage(file);
  const canvas = document.createElement('canvas');
  const long = Math.max(image.naturalWidth, image.naturalHeight);
  for (const side of [PHOTO_MAX_SIDE, PHOTO_RETRY_SIDE]) {
    if (side !== PHOTO_MAX_SIDE && long <= side) break; // already tried at full size
    const pixels = pixelsOf(image, image.naturalWidth, image.naturalHeight, side, canvas);
    const text = pixels && decodePixels(pixels, 'attemptBoth');
    if (text) return text;
  }
  return undefined;
}
