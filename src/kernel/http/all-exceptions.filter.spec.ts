import { QueryFailedError } from 'typeorm';
import { loggable } from './all-exceptions.filter.js';

describe('what an unexpected error logs', () => {
  test('a failed query logs its statement and SQL state, never its parameters', () => {
    const error = new QueryFailedError(
      'INSERT INTO config_secrets (key, ciphertext) VALUES ($1, $2)',
      ['DB_PASSWORD', 'hunter2-plaintext'],
      Object.assign(new Error('boom'), { code: '40P01' }),
    );
    const logged = JSON.stringify(loggable(error));
    expect(logged).toContain('INSERT INTO config_secrets');
    expect(logged).toContain('40P01');
    expect(logged).not.toContain('hunter2-plaintext');
    expect(logged).not.toContain('DB_PASSWORD');
  });

  test('any other error logs its name, message and stack only', () => {
    const error = Object.assign(new TypeError('bad'), { attached: { password: 'p' } });
    expect(Object.keys(loggable(error)).sort()).toEqual(['message', 'stack', 'type']);
  });
});
