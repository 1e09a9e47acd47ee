/**
 * qrcode, loaded with the first code image or poster an instance draws: it is on demand
 * (infra/lib/lambdaBundling.ts ON_DEMAND_MODULES), so no cold start carries its 58 KB.
 */
import type QRCodeModule from 'qrcode';

let loading: Promise<typeof QRCodeModule> | undefined;

export function loadQrCode(): Promise<typeof QRCodeModule> {
  loading ??= import('qrcode').then((module) => module.default);
  return loading;
}
