import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './server.js';
import { freePort } from './ports.js';

const PRISM = join(ROOT, 'node_modules', '.bin', 'prism');

export interface PrismProxy {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * `prism proxy --errors` in front of `upstream`, validating every request and response against the
 * committed document (a local file: Prism fetches nothing). A violation is reported in the
 * `sl-violations` header, and with --errors answered as an error status.
 */
export async function startPrismProxy(upstream: string, document = join(ROOT, 'openapi', 'openapi.json')): Promise<PrismProxy> {
  const port = await freePort();
  const child: ChildProcess = spawn(PRISM, ['proxy', document, upstream, '--errors', '-h', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited with ${code}:\n${output}`));
    });
  });
  await ready;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
