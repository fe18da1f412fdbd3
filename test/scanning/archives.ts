import { gzipSync } from 'node:zlib';
import * as tarStream from 'tar-stream';
import yazl from 'yazl';

/** What a test archive holds: files (text or bytes), links, and entries no tree can hold. */
export type Entry =
  | { name: string; content: string | Buffer; mode?: number }
  | { name: string; symlink: string }
  | { name: string; hardlink: string }
  | { name: string; type: 'character-device' | 'fifo' }
  | { name: string; directory: true };

/** A tar archive (gzipped unless `gzip: false`) of the entries, names written exactly as given. */
export async function tarball(entries: Entry[], options: { gzip?: boolean } = {}): Promise<Buffer> {
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk) => chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const entry of entries) {
    if ('content' in entry) {
      const content = Buffer.from(entry.content);
      await new Promise<void>((resolve, reject) =>
        pack.entry({ name: entry.name, size: content.length, mode: entry.mode ?? 0o644 }, content, (e) => (e ? reject(e) : resolve())),
      );
    } else if ('symlink' in entry) pack.entry({ name: entry.name, type: 'symlink', linkname: entry.symlink });
    else if ('hardlink' in entry) pack.entry({ name: entry.name, type: 'link', linkname: entry.hardlink });
    else if ('directory' in entry) pack.entry({ name: entry.name, type: 'directory' });
    else pack.entry({ name: entry.name, type: entry.type });
  }
  pack.finalize();
  await ended;
  const tar = Buffer.concat(chunks);
  return options.gzip === false ? tar : gzipSync(tar);
}

/**
 * A zip of the entries. yazl refuses names that leave the root, so a name may be given as
 * `{ name, written }`: written with a stand-in of the same length, then patched to `name` in the
 * local header and the central directory (the CRC covers the content only).
 */
export async function zipball(entries: (Entry & { written?: string })[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    const name = entry.written ?? entry.name;
    if ('content' in entry) zip.addBuffer(Buffer.from(entry.content), name, { mode: 0o100000 | (entry.mode ?? 0o644) });
    else if ('symlink' in entry) zip.addBuffer(Buffer.from(entry.symlink), name, { mode: 0o120777 });
    else if ('directory' in entry) zip.addEmptyDirectory(name);
    else throw new Error(`zipball: ${entry.name} cannot be zipped`);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  let bytes = Buffer.concat(chunks);
  for (const entry of entries) {
    if (!entry.written) continue;
    if (entry.written.length !== entry.name.length) throw new Error('zipball: a written name must be as long as the real one');
    bytes = Buffer.from(bytes.toString('latin1').split(entry.written).join(entry.name), 'latin1');
  }
  return bytes;
}
