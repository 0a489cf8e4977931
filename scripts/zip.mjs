// Writes a .zip with Node alone (deflate + CRC-32), because the ASK CLI's build hook must not
// depend on a `zip` binary being installed. Usage: node scripts/zip.mjs OUT.zip DIR
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function filesBelow(dir, prefix = '') {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await filesBelow(path.join(dir, entry.name), relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

const STORED = 0;
const DEFLATED = 8;
const VERSION = 20;
const UTF8_NAMES = 0x0800;
// A fixed timestamp (1980-01-01 00:00) keeps the zip byte-for-byte reproducible.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

/**
 * Lambda runs the code as another user than the one who wrote the files, so every entry must be
 * readable by all whatever the local umask: 0644, or 0755 where the owner may execute.
 */
function lambdaMode(mode) {
  return 0o100000 | (mode & 0o100 ? 0o755 : 0o644);
}

/** The fields the local header and the central directory entry share, from "version needed" on. */
function commonFields(entry) {
  const fields = Buffer.alloc(26);
  fields.writeUInt16LE(VERSION, 0);
  fields.writeUInt16LE(UTF8_NAMES, 2);
  fields.writeUInt16LE(entry.method, 4);
  fields.writeUInt16LE(DOS_TIME, 6);
  fields.writeUInt16LE(DOS_DATE, 8);
  fields.writeUInt32LE(entry.crc, 10);
  fields.writeUInt32LE(entry.data.length, 14);
  fields.writeUInt32LE(entry.size, 18);
  fields.writeUInt16LE(entry.name.length, 22);
  fields.writeUInt16LE(0, 24); // no extra field
  return fields;
}

function localHeader(entry) {
  const signature = Buffer.alloc(4);
  signature.writeUInt32LE(0x04034b50, 0);
  return Buffer.concat([signature, commonFields(entry), entry.name]);
}

function centralEntry(entry, offset) {
  const head = Buffer.alloc(6);
  head.writeUInt32LE(0x02014b50, 0);
  head.writeUInt16LE((3 << 8) | VERSION, 4); // made by Unix, so the mode below is honoured
  const tail = Buffer.alloc(14); // comment length, disk number, internal attributes: 0
  tail.writeUInt32LE((lambdaMode(entry.mode) << 16) >>> 0, 6);
  tail.writeUInt32LE(offset, 10);
  return Buffer.concat([head, commonFields(entry), tail, entry.name]);
}

async function readEntry(dir, name) {
  const full = path.join(dir, name);
  const raw = await readFile(full);
  const deflated = deflateRawSync(raw, { level: 9 });
  // Tiny files grow when deflated; those are stored as they are.
  const method = deflated.length < raw.length ? DEFLATED : STORED;
  const data = method === DEFLATED ? deflated : raw;
  return { name: Buffer.from(name, 'utf8'), mode: (await stat(full)).mode, method, crc: crc32(raw), size: raw.length, data };
}

/** Zips every file below `dir` into `out`, paths relative to `dir`. */
export async function zipDirectory(out, dir) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const name of await filesBelow(dir)) {
    const entry = await readEntry(dir, name);
    const local = localHeader(entry);
    locals.push(local, entry.data);
    centrals.push(centralEntry(entry, offset));
    offset += local.length + entry.data.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(out, Buffer.concat([...locals, ...centrals, end]));
}

// fileURLToPath, not URL.pathname: a project path with a space must still match.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, dir] = process.argv.slice(2);
  if (!out || !dir) {
    console.error('usage: node scripts/zip.mjs OUT.zip DIR');
    process.exit(2);
  }
  try {
    await zipDirectory(path.resolve(out), path.resolve(dir));
  } catch (error) {
    console.error(`zip.mjs: could not write ${out} from ${dir}: ${error.message}`);
    process.exit(1);
  }
}
