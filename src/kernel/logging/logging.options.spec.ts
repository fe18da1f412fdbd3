import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoHttp, type Options } from 'pino-http';
import type { AppConfig } from '../config/app-config.js';
import { loggableUrl, loggingOptions, REDACTED_PATHS } from './logging.options.js';

describe('log redaction', () => {
  test('credentials in headers and bodies never reach a log line', () => {
    let output = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        output += chunk.toString();
        done();
      },
    });
    const log = pino({ redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' } }, sink);
    log.info({
      req: {
        headers: {
          authorization: 'Bearer eyJ.secret',
          'x-api-key': 'mk_live_secret',
          'x-agent-secret': 'agt_value_xyz',
          cookie: 'sid=secret',
        },
      },
      body: { password: 'hunter2', refreshToken: 'mrt_secret' },
      password: 'top-level-secret',
    });
    expect(output).toContain('[REDACTED]');
    for (const secret of ['eyJ.secret', 'mk_live_secret', 'agt_value_xyz', 'sid=secret', 'hunter2', 'mrt_secret', 'top-level-secret']) {
      expect(output).not.toContain(secret);
    }
  });

  test('query values of sensitive-looking parameters are masked in logged URLs', () => {
    expect(loggableUrl('/api/v1/things?page=2&token=abc&apiKey=k&q=hello')).toBe(
      '/api/v1/things?page=2&token=%5BREDACTED%5D&apiKey=%5BREDACTED%5D&q=hello',
    );
    expect(loggableUrl('/api/v1/things')).toBe('/api/v1/things');
  });
});

describe('request logs', () => {
  /** Serves `status` through pino-http with Marshal's options at `logLevel`; answers the lines written. */
  async function serve(logLevel: string, status: number, path: string): Promise<Record<string, any>[]> {
    let output = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        output += chunk.toString();
        done();
      },
    });
    const options = loggingOptions({ logLevel } as AppConfig, () => ({ mixed: 'in' })).pinoHttp as Options;
    const log = pinoHttp({ ...options, stream: sink });
    const server = createServer((req, res) => {
      Object.assign(req, { requestId: 'req-1', correlationId: 'corr-1' });
      log(req, res);
      req.log.warn('while serving');
      res.statusCode = status;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`)).arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      server.close();
    }
    return output
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>);
  }

  test('the completion line carries the request, masked; lines during the request carry reqId and the mixin', async () => {
    const [during, done] = await serve('info', 200, '/api/v1/things?token=abc');
    expect(during).toMatchObject({ msg: 'while serving', reqId: 'req-1', mixed: 'in' });
    expect(during.req).toBeUndefined();
    expect(done).toMatchObject({
      level: 30,
      reqId: 'req-1',
      mixed: 'in',
      req: { id: 'req-1', correlationId: 'corr-1', method: 'GET', url: '/api/v1/things?token=%5BREDACTED%5D' },
      res: { statusCode: 200 },
    });
    expect(JSON.stringify(done)).not.toContain('abc');
  });

  test('below the configured level no completion line is written; at it, one is', async () => {
    expect((await serve('warn', 200, '/x')).map((l) => l.msg)).toEqual(['while serving']);
    const lines = await serve('warn', 404, '/x');
    expect(lines.map((l) => [l.level, l.req?.url])).toEqual([
      [40, undefined],
      [40, '/x'],
    ]);
  });
});
