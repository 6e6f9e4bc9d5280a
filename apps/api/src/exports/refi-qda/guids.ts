import { createHash } from 'node:crypto';

/** The platform's own name-based UUID namespace for REFI-QDA GUIDs (a random v4, fixed once). */
const NAMESPACE = 'c1b0e3a4-6f0d-4f57-9d8e-3a4c2b7f9e11';

/**
 * A stable GUID for a thing of the platform (a code, a source, a selection): a name-based UUID
 * (version 5, RFC 9562) of its kind and id, so exporting the same project twice gives the same
 * GUIDs and a QDA tool can merge the two exports instead of doubling every code.
 */
export function guidOf(...parts: readonly string[]): string {
  const namespace = Buffer.from(NAMESPACE.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(parts.join('\u001f'), 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
