import { describe, expect, test } from '@jest/globals';
import { repositoryPaths } from './sarif-paths.js';
import type { SarifArtifactLocation, SarifRun } from './sarif-types.js';

const run = (extra: Partial<SarifRun> = {}): SarifRun => ({ tool: { driver: { name: 'Tool' } }, ...extra });
const pathOf = (location: SarifArtifactLocation, extra: Partial<SarifRun> = {}) => repositoryPaths(run(extra))(location);

const CHECKOUT = { originalUriBaseIds: { SRCROOT: { uri: 'file:///home/ci/work/repo/' } } };

describe('repositoryPaths', () => {
  test.each([
    ['src/app.ts', 'src/app.ts'],
    ['./src/app.ts', 'src/app.ts'],
    ['.\\src\\win\\app.ts', 'src/win/app.ts'],
    ['src/my%20file.ts', 'src/my file.ts'],
    ['src/%C3%BCber.ts', 'src/über.ts'],
    // A tool that encodes nothing: a % that starts no escape stays.
    ['docs/100%.md', 'docs/100%.md'],
    ['src/a/../b.ts', 'src/b.ts'],
  ])('relative %s is %s', (uri, path) => expect(pathOf({ uri })).toBe(path));

  test.each([
    '../etc/passwd',
    'src/../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'https://example.com/src/app.ts',
    'file:///home/ci/work/repo/src/app.ts',
    'a%00b',
    '',
  ])('%s has no path in the repository', (uri) => expect(pathOf({ uri })).toBeNull());

  test('no uri, no path', () => {
    expect(pathOf({})).toBeNull();
    expect(repositoryPaths(run())(undefined)).toBeNull();
  });

  test('an absolute file URI under a known base is relative to it', () => {
    expect(pathOf({ uri: 'file:///home/ci/work/repo/src/app.ts' }, CHECKOUT)).toBe('src/app.ts');
    expect(pathOf({ uri: 'file:///home/ci/work/repo/src/my%20file.ts' }, CHECKOUT)).toBe('src/my file.ts');
    // Not under it: a sibling directory whose name starts the same, the parent, another file system path.
    expect(pathOf({ uri: 'file:///home/ci/work/repo2/src/app.ts' }, CHECKOUT)).toBeNull();
    expect(pathOf({ uri: 'file:///home/ci/work/repo/../secret.txt' }, CHECKOUT)).toBeNull();
    expect(pathOf({ uri: 'file:///etc/passwd' }, CHECKOUT)).toBeNull();
    expect(pathOf({ uri: 'file:///home/ci/work/repo/' }, CHECKOUT)).toBeNull();
  });

  test('a uri relative to a base id', () => {
    expect(pathOf({ uri: 'src/app.ts', uriBaseId: 'SRCROOT' }, CHECKOUT)).toBe('src/app.ts');
    // A base the run does not define (most tools): the uri is read as relative to the checkout.
    expect(pathOf({ uri: 'src/app.ts', uriBaseId: '%SRCROOT%' })).toBe('src/app.ts');
    // A base without its trailing slash is still a directory.
    expect(pathOf({ uri: 'app.ts', uriBaseId: 'SRCROOT' }, { originalUriBaseIds: { SRCROOT: { uri: 'file:///w/repo' } } })).toBe('app.ts');
    expect(pathOf({ uri: '../../etc/passwd', uriBaseId: 'SRCROOT' }, CHECKOUT)).toBeNull();
    expect(pathOf({ uri: '..%2F..%2Fetc%2Fpasswd', uriBaseId: 'SRCROOT' }, CHECKOUT)).toBeNull();
  });

  test('bases defined in terms of others', () => {
    const bases = {
      originalUriBaseIds: {
        REPO: { uri: 'file:///w/repo/' },
        PKG: { uri: 'packages/a/', uriBaseId: 'REPO' },
        LOOP: { uri: 'x/', uriBaseId: 'LOOP' },
        UNKNOWN_PARENT: { uri: 'lib/', uriBaseId: 'NOT_DEFINED' },
      },
    };
    expect(pathOf({ uri: 'src/x.ts', uriBaseId: 'PKG' }, bases)).toBe('packages/a/src/x.ts');
    expect(pathOf({ uri: 'file:///w/repo/packages/a/src/x.ts' }, bases)).toBe('packages/a/src/x.ts');
    expect(pathOf({ uri: 'y.ts', uriBaseId: 'UNKNOWN_PARENT' }, bases)).toBe('lib/y.ts');
    // A base defined by itself is as unknown as an undefined one; nothing loops.
    expect(pathOf({ uri: 'z.ts', uriBaseId: 'LOOP' }, bases)).toBe('x/z.ts');
  });

  test('when several absolute bases hold a file, the outermost (the checkout) wins', () => {
    const bases = { originalUriBaseIds: { PKG: { uri: 'file:///w/repo/packages/a/' }, REPO: { uri: 'file:///w/repo/' } } };
    expect(pathOf({ uri: 'file:///w/repo/packages/a/x.ts' }, bases)).toBe('packages/a/x.ts');
    expect(pathOf({ uri: 'x.ts', uriBaseId: 'PKG' }, bases)).toBe('packages/a/x.ts');
  });

  test('a location by index into the run artifacts', () => {
    const artifacts = {
      artifacts: [{ location: { uri: 'src/zero.ts' } }, { location: { uri: 'one.ts', uriBaseId: 'SRC' } }],
      originalUriBaseIds: { ROOT: { uri: 'file:///w/repo/' }, SRC: { uri: 'src/', uriBaseId: 'ROOT' } },
    };
    expect(pathOf({ index: 0 }, artifacts)).toBe('src/zero.ts');
    expect(pathOf({ index: 1 }, artifacts)).toBe('src/one.ts');
    // The same uri as its artifact's takes the artifact's base; its own uri wins otherwise.
    expect(pathOf({ uri: 'one.ts', index: 1 }, artifacts)).toBe('src/one.ts');
    expect(pathOf({ uri: 'other.ts', index: 1 }, artifacts)).toBe('other.ts');
    expect(pathOf({ index: 7 }, artifacts)).toBeNull();
    expect(pathOf({ index: -1 }, artifacts)).toBeNull();
  });
});
