// Browser mode sends an export file inside the request, base64-encoded (the HTTP host takes bodies up
// to 1 MB). The size is checked here first so the operator hears it before anything is uploaded.
import { IMPORT_TOO_LARGE, MAX_IMPORT_BYTES } from '../../../../shared/contract/areas/cutover';

export type ReadFileResult = { ok: true; fileName: string; contentBase64: string; size: number } | { ok: false; message: string };

/** Base64 of raw bytes, in chunks (String.fromCharCode on a whole file overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function checkImportFile(name: string, size: number): string | null {
  if (!/\.(csv|xlsx)$/i.test(name)) return '只支持 .csv 和 .xlsx 文件：请在原系统中导出为 CSV 或 Excel（xlsx）格式';
  if (size === 0) return '文件是空的，请重新导出';
  if (size > MAX_IMPORT_BYTES) return IMPORT_TOO_LARGE;
  return null;
}

export async function readImportFile(file: File): Promise<ReadFileResult> {
  const problem = checkImportFile(file.name, file.size);
  if (problem) return { ok: false, message: problem };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { ok: true, fileName: file.name, contentBase64: bytesToBase64(bytes), size: file.size };
}
