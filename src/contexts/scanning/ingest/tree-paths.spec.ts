import { linkDestination, treePath } from './tree-paths.js';

describe('treePath', () => {
  test.each([
    ['src/index.ts', 'src/index.ts'],
    ['./src//index.ts', 'src/index.ts'],
    ['repo/', 'repo'],
    ['a/b/../c', 'a/c'],
    ['win\\style\\path.txt', 'win/style/path.txt'],
    ['ünïcödé/名前.txt', 'ünïcödé/名前.txt'],
  ])('%s is %s', (name, path) => expect(treePath(name)).toBe(path));

  test.each([
    '../evil',
    'a/../../evil',
    '/etc/passwd',
    '\\\\server\\share',
    'C:\\Windows\\x',
    'c:x',
    '..\\..\\evil',
    '.',
    './',
    '',
    'a\0b',
  ])('%s leaves the root', (name) => expect(treePath(name)).toBeNull());
});

describe('linkDestination', () => {
  test.each([
    ['a/link', 'target', 'a/target'],
    ['a/b/link', '../c', 'a/c'],
    ['a/link', '..', ''],
    ['link', './x/../y', 'y'],
  ])('%s → %s lands at %s', (path, target, landing) => expect(linkDestination(path, target)).toBe(landing));

  test.each([
    ['link', '../outside'],
    ['a/link', '../../outside'],
    ['a/link', '/etc/passwd'],
    ['a/link', 'C:\\x'],
    ['a/b/link', '../../../x'],
  ])('%s → %s leaves the tree', (path, target) => expect(linkDestination(path, target)).toBeNull());
});
