// The qrcode package (1.5.4) ships no types and @types/qrcode is not a dependency. This declares
// the one call the desk uses; its SVG output is plain string building in both the Node and the
// browser build of the package (no canvas, no zlib).
declare module 'qrcode' {
  export interface QRCodeToStringOptions {
    type: 'svg';
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
    margin?: number;
    color?: { dark?: string; light?: string };
  }
  export function toString(text: string, options: QRCodeToStringOptions): Promise<string>;
  const QRCode: { toString: typeof toString };
  export default QRCode;
}
