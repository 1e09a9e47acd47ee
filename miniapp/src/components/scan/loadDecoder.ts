/**
 * H5: the decoder (jsQR and the canvas helpers), loaded on first use as its own chunk. The
 * import() sits in a branch the WeChat build drops (TARO_ENV is a build-time constant), so
 * jsQR is never part of the mini-program.
 */
import type * as DecoderModule from './decodeImage';

export type Decoder = typeof DecoderModule;

let decoder: Promise<Decoder> | null = null;

export function loadDecoder(): Promise<Decoder> {
  if (process.env.TARO_ENV === 'h5') {
    decoder ??= import(/* webpackChunkName: "qr-decoder" */ './decodeImage').catch((error: unknown) => {
      decoder = null; // a network hiccup: let the next tap try again
      throw error;
    });
    return decoder;
  }
  return Promise.reject(new Error('The in-page QR decoder is only built for H5.'));
}
