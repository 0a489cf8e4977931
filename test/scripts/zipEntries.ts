import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly data: Buffer;
  /** Unix mode from the central directory's external attributes (file type bits included). */
  readonly mode: number;
}

/** The entries of a zip file by name, inflated: enough of the format to read what scripts/zip.mjs writes. */
export function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  const endOfCentralDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(endOfCentralDirectory + 10);
  let entry = zip.readUInt32LE(endOfCentralDirectory + 16);
  const files = new Map<string, ZipEntry>();
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(entry) !== 0x02014b50) throw new Error(`no central directory entry at ${entry}`);
    const method = zip.readUInt16LE(entry + 10);
    const compressedSize = zip.readUInt32LE(entry + 20);
    const nameLength = zip.readUInt16LE(entry + 28);
    const extraLength = zip.readUInt16LE(entry + 30);
    const commentLength = zip.readUInt16LE(entry + 32);
    const mode = zip.readUInt32LE(entry + 38) >>> 16;
    const localHeader = zip.readUInt32LE(entry + 42);
    const name = zip.toString('utf8', entry + 46, entry + 46 + nameLength);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    files.set(name, { data: method === 8 ? inflateRawSync(data) : Buffer.from(data), mode });
    entry += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
