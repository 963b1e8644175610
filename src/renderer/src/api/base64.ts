/** Bytes → base64 in the browser, where there is no Buffer: how a dropped file crosses IPC. */

// String.fromCharCode takes its arguments on the stack: 32 K at a time stays well within limits.
const CHUNK = 0x8000

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}
