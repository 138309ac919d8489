// Saves a file the main side generated (an export, base64) through the browser's download: in
// Electron this opens the save dialog, in browser mode it lands in the downloads folder.
import type { ExportFileDto } from '../../../../shared/contract/areas/admin';

export function saveExport(file: ExportFileDto): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const blob = new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
