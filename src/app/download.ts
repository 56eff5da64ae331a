/** How long the object URL outlives the click. */
const REVOKE_AFTER_MS = 30_000;

/**
 * Saves `blob` as a file named `fileName` through the browser's download: an object URL on a
 * temporary `<a download>`, clicked, then removed. The URL is revoked a while later: some
 * browsers read the blob after the click returns, and a large file may take seconds to start.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
