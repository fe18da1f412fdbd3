import { posix } from 'node:path';

/**
 * The paths of a snapshot: relative, `/`-separated, without `.` or `..` segments. An archive entry
 * whose name leaves the root (zip-slip: `../x`, `/etc/x`, `C:\x`) has no such path, and neither has
 * a link that points out of the tree.
 */

/** The entry's path in the tree, or null when it leaves the root (or is the root itself). */
export function treePath(name: string): string | null {
  // Archives made on Windows may separate with backslashes; a backslash in a POSIX name is rare
  // enough that reading it as a separator refuses no real tree and closes `..\..\x`.
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || slashed.includes('\0')) return null;
  const segments: string[] = [];
  for (const segment of slashed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (!segments.length) return null;
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  return segments.length ? segments.join('/') : null;
}

/** Where a symbolic link at `path` pointing at `target` lands in the tree, or null when outside it. */
export function linkDestination(path: string, target: string): string | null {
  const slashed = target.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || slashed.includes('\0')) return null;
  const joined = posix.join(posix.dirname(path), slashed);
  if (joined === '..' || joined.startsWith('../')) return null;
  return joined === '.' ? '' : joined;
}
