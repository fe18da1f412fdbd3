import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from './git-push.js';

/**
 * A git server on a local port speaking the smart HTTP protocol through the real `git http-backend`
 * (CGI), serving the bare repositories under its root for fetch only. `/moved/…` answers a redirect
 * to the same path without it, as a hosting service does for a renamed repository; `/stall/…`
 * never answers, as a server that hangs.
 */
export class GitServer {
  private constructor(
    readonly root: string,
    private readonly server: http.Server,
  ) {}

  /** Requests it was sent, by path (to tell that a refused clone never reached it). */
  readonly requests: string[] = [];
  private readonly stalled: http.ServerResponse[] = [];

  static async start(): Promise<GitServer> {
    const root = await mkdtemp(join(tmpdir(), 'marshal-test-git-server-'));
    const server = http.createServer();
    const gitServer = new GitServer(root, server);
    server.on('request', (req, res) => gitServer.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return gitServer;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The clone URL of `name.git` under the root, at `host` (127.0.0.1, or a name that resolves to it). */
  url(name: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}/${name}.git`;
  }

  /** Makes `name.git` a bare copy of the working copy at `dir`, with all its branches. */
  async publish(name: string, dir: string): Promise<void> {
    const target = join(this.root, `${name}.git`);
    await rm(target, { recursive: true, force: true });
    const cloned = await git(this.root, ['clone', '--bare', '--quiet', dir, target]);
    if (cloned.code !== 0) throw new Error(`git clone --bare failed: ${cloned.stderr}`);
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://git.test');
    this.requests.push(url.pathname);
    if (url.pathname.startsWith('/stall/')) {
      this.stalled.push(res);
      return;
    }
    if (url.pathname.startsWith('/moved/')) {
      res.writeHead(301, { location: url.pathname.slice('/moved'.length) + url.search }).end();
      return;
    }
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: this.root,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-encoding'] && { HTTP_CONTENT_ENCODING: String(req.headers['content-encoding']) }),
        ...(req.headers['git-protocol'] && { GIT_PROTOCOL: String(req.headers['git-protocol']) }),
        REMOTE_ADDR: req.socket.remoteAddress ?? '',
      },
    });
    req.pipe(child.stdin);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', () => {
      const out = Buffer.concat(chunks);
      const end = out.indexOf('\r\n\r\n') >= 0 ? out.indexOf('\r\n\r\n') : out.indexOf('\n\n');
      const separator = out[end] === 0x0d ? 4 : 2;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of out.subarray(0, Math.max(end, 0)).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      res.writeHead(status, headers).end(end < 0 ? out : out.subarray(end + separator));
    });
  }

  async stop(): Promise<void> {
    for (const res of this.stalled) res.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await rm(this.root, { recursive: true, force: true });
  }
}
