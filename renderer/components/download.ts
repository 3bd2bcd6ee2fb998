/**
 * Saving a file the host generated (a .docx, an .xlsx, an attachment). The bytes arrive base64 in
 * the envelope; the browser's own download (or Electron's save dialog) writes them, so a cancelled
 * or failed save never leaves a half-written file under the final name.
 */
import type { FileResult } from '../../shared/schemas/common';

export function fileBlob(file: FileResult): Blob {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mime });
}

export function saveFile(file: FileResult): void {
  const url = URL.createObjectURL(fileBlob(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
