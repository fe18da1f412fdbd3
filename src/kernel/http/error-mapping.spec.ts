import { BadRequestException, ForbiddenException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';
import { mapError } from './error-mapping.js';

const req = { method: 'GET', originalUrl: '/api/v1/things?x=1' };

describe('mapError', () => {
  test('keeps an AppError as it is', () => {
    const error = new AppError(422, 'SELF_APPROVAL_FORBIDDEN', 'You cannot approve your own request');
    expect(mapError(error, req)).toEqual({ error, unexpected: false });
  });

  test("recognises the router's not-found, and only that one", () => {
    expect(mapError(new NotFoundException('Cannot GET /api/v1/things?x=1'), req).error.code).toBe('ROUTE_NOT_FOUND');
    expect(mapError(new NotFoundException('Cannot GET /elsewhere'), req).error.code).toBe('NOT_FOUND');
  });

  test('gives framework HTTP errors our codes', () => {
    expect(mapError(new ForbiddenException(), req).error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(mapError(new BadRequestException('bad'), req).error).toMatchObject({ status: 400, code: 'BAD_REQUEST', message: 'bad' });
    expect(mapError(new ServiceUnavailableException('db down: details'), req).error).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'The service is temporarily unavailable; try again shortly',
      headers: { 'Retry-After': '5' },
    });
  });

  test('maps body-parser failures', () => {
    expect(mapError(Object.assign(new Error('x'), { type: 'entity.parse.failed' }), req).error).toMatchObject({
      status: 400,
      code: 'MALFORMED_JSON',
    });
    expect(mapError(Object.assign(new Error('x'), { type: 'entity.too.large' }), req).error).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(mapError(Object.assign(new Error('x'), { type: 'entity.too.deep' }), req).error).toMatchObject({
      status: 400,
      code: 'JSON_TOO_DEEP',
    });
    const zlib = Object.assign(new Error('incorrect header check'), {
      errno: -3,
      code: 'Z_DATA_ERROR',
      status: 400,
      type: 'encoding.invalid',
    });
    expect(mapError(zlib, req)).toMatchObject({ error: { status: 400, code: 'MALFORMED_CONTENT_ENCODING' }, unexpected: false });
    expect(mapError(zlib, req).error.message).not.toContain('header check');
  });

  test('maps a NUL character the database refused (in text or in jsonb) to 400', () => {
    for (const code of ['22021', '22P05']) {
      const nul = new QueryFailedError(
        'INSERT INTO projects ...',
        ['a\u0000'],
        Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code }),
      );
      expect(mapError(nul, req)).toMatchObject({ error: { status: 400, code: 'VALIDATION_FAILED' }, unexpected: false });
    }
  });

  test('maps the database errors only a client value can cause, and hides the SQL', () => {
    const unique = new QueryFailedError('INSERT INTO users ...', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    expect(mapError(unique, req)).toMatchObject({ error: { status: 409, code: 'CONFLICT' }, unexpected: false });
    const other = new QueryFailedError('SELECT secret FROM t', [], Object.assign(new Error('deadlock'), { code: '40P01' }));
    const mapped = mapError(other, req);
    expect(mapped).toMatchObject({ error: { status: 500, code: 'INTERNAL' }, unexpected: true });
    expect(mapped.error.message).not.toContain('SELECT');
  });

  test('a database that is down or too slow is 503 SERVICE_UNAVAILABLE with Retry-After, however the failure came', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    for (const failure of [
      refused, // the pool could not connect (a guard, a service: not wrapped)
      new Error('timeout exceeded when trying to connect'), // no free connection in time
      new QueryFailedError('SELECT secret FROM t', ['hunter2'], new Error('Query read timeout')), // a frozen server
      new QueryFailedError(
        'SELECT 1',
        [],
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })),
    ]) {
      const mapped = mapError(failure, req);
      expect(mapped).toEqual({ error: expect.any(AppError), unexpected: false, unavailable: true });
      expect(mapped.error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', headers: { 'Retry-After': '5' } });
      expect(mapped.error.message).not.toMatch(/SELECT|hunter2|127\.0\.0\.1/);
    }
  });

  test('anything else is 500 INTERNAL with a generic message', () => {
    const mapped = mapError(new TypeError("Cannot read properties of undefined (reading 'password')"), req);
    expect(mapped.error).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ error: { status: 500, code: 'INTERNAL' }, unexpected: true });
    expect(mapped.error.message).not.toContain('password');
  });
});
