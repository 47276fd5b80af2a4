/** Bytes of a Blob (FileReader where Blob.arrayBuffer is missing, as in jsdom). */
export function blobBytes(
  blob: Blob | { arrayBuffer(): Promise<ArrayBuffer> },
): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(blob as Blob);
  });
}
