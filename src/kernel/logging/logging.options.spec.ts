import { Writable } from 'node:stream';
import pino from 'pino';
import { loggableUrl, REDACTED_PATHS } from './logging.options.js';

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
