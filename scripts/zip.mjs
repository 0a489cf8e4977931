// Writes a .zip with fflate (a maintained zip library in pure JavaScript), because the ASK CLI's
// build hook must not depend on a `zip` binary being installed. Usage: node scripts/zip.mjs OUT.zip DIR
import { zipSync } from 'fflate';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const UNIX = 3;
// A fixed timestamp keeps the zip byte-for-byte reproducible (and so the ASK CLI's code hash stable).
const FIXED_MTIME = new Date(1980, 0, 1);

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

/**
 * Lambda runs the code as another user than the one who wrote the files, so every entry must be
 * readable by all whatever the local umask: 0644, or 0755 where the owner may execute.
 */
function lambdaMode(mode) {
  return 0o100000 | (mode & 0o100 ? 0o755 : 0o644);
}

/** Zips every file below `dir` into `out`, paths relative to `dir`. */
export async function zipDirectory(out, dir) {
  const entries = {};
  for (const name of await filesBelow(dir)) {
    const full = path.join(dir, name);
    const attrs = (lambdaMode((await stat(full)).mode) << 16) >>> 0;
    entries[name] = [await readFile(full), { level: 9, os: UNIX, attrs, mtime: FIXED_MTIME }];
  }
  await writeFile(out, zipSync(entries));
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
