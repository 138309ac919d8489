// The reference pulls the local typing of 'qrcode' into every program that imports this file, also
// tsconfig.electron.json, whose include does not cover shared/ (an import cannot carry an ambient module).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./qrcode.d.ts" />
// QR codes for the form and the slip, as inline SVG data URLs: vector on paper and in the PDF,
// and computed the same way in Node (tests, main) and in the renderer.
import QRCode from 'qrcode';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (the SVG qrcode writes is ASCII); no btoa/Buffer in shared/. */
export function asciiToBase64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const codes = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    for (const c of codes) if (c > 0x7f) throw new Error('asciiToBase64: non-ASCII input');
    const [a = 0, b, c] = codes;
    const n = (a << 16) | ((Number.isNaN(b) ? 0 : b!) << 8) | (Number.isNaN(c) ? 0 : c!);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += Number.isNaN(b) ? '=' : BASE64[(n >> 6) & 63]!;
    out += Number.isNaN(c) ? '=' : BASE64[n & 63]!;
  }
  return out;
}

/** A QR code of `text` as `data:image/svg+xml;base64,…` (error correction M, 2-module quiet zone). */
export async function qrDataUrlFor(text: string): Promise<string> {
  if (text === '') throw new Error('qrDataUrlFor: empty text');
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${asciiToBase64(svg)}`;
}
