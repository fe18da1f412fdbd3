import { describe, expect, test } from '@jest/globals';
import { SarifInvalid, validateSarif } from './sarif-validator.js';

// Logs written by hand from the SARIF 2.1.0 spec (OASIS, §3.13 sarifLog, §3.14 run, §3.27 result).
const run = (results: unknown[], extra: Record<string, unknown> = {}) => ({ tool: { driver: { name: 'Tool' } }, results, ...extra });
const log = (...runs: unknown[]) => ({ version: '2.1.0', runs });
const result = (extra: Record<string, unknown> = {}) => ({ ruleId: 'R1', message: { text: 'Something' }, ...extra });

/** The fault validateSarif names, or a failed test when it accepts the log. */
function fault(value: unknown, limits?: { maxResults?: number }): { path: string; message: string } {
  try {
    validateSarif(value, limits);
  } catch (error) {
    if (error instanceof SarifInvalid) return { path: error.path, message: error.message };
    throw error;
  }
  throw new Error('the log was accepted');
}

describe('validateSarif', () => {
  test('accepts a minimal log and returns it as given', () => {
    const minimal = { version: '2.1.0', runs: [] };
    expect(validateSarif(minimal)).toBe(minimal);
    const one = log(
      run([result({ locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.ts' }, region: { startLine: 3 } } }] })]),
    );
    expect(validateSarif(one)).toBe(one);
  });

  test('a level SARIF does not define is refused at its path, with the allowed values', () => {
    expect(fault(log(run([result(), result(), result(), result({ level: 'fatal' })])))).toEqual({
      path: '$.runs[0].results[3].level',
      message: 'must be equal to one of the allowed values (none, note, warning, error)',
    });
  });

  test('a log without runs names the missing property', () => {
    expect(fault({ version: '2.1.0' })).toEqual({ path: '$', message: "must have the required property 'runs'" });
  });

  test('only version 2.1.0 is accepted', () => {
    expect(fault({ version: '2.0.0', runs: [] })).toEqual({
      path: '$.version',
      message: 'must be "2.1.0" (the only SARIF version accepted), not "2.0.0"',
    });
    expect(fault({ runs: [] })).toEqual({ path: '$', message: "must have the required property 'version'" });
  });

  test('what is not a log at all', () => {
    for (const value of [null, 'x', 3, []]) expect(fault(value)).toEqual({ path: '$', message: 'must be object' });
  });

  test('a message with neither text nor id names both', () => {
    expect(fault(log(run([result({ message: {} })])))).toEqual({
      path: '$.runs[0].results[0].message',
      message: "must have at least one of the properties 'text', 'id'",
    });
  });

  test('a property SARIF does not define is named', () => {
    expect(fault(log(run([result({ severity: 'high' })])))).toEqual({
      path: '$.runs[0].results[0]',
      message: "must NOT have the property 'severity' (SARIF 2.1.0 defines no such property here)",
    });
  });

  test('paths index arrays and quote keys that are not identifiers', () => {
    expect(fault(log(run([]), run([result({ properties: { tags: ['a', 7] } })])))).toEqual({
      path: '$.runs[1].results[0].properties.tags[1]',
      message: 'must be string',
    });
    expect(fault(log(run([], { originalUriBaseIds: { '%SRCROOT%': { uri: 5 } } })))).toEqual({
      path: '$.runs[0].originalUriBaseIds["%SRCROOT%"].uri',
      message: 'must be string',
    });
    // A property bag's key "0" is a key, not an index.
    expect(fault(log(run([], { originalUriBaseIds: { '0': { index: 'x' } } })))).toMatchObject({
      path: '$.runs[0].originalUriBaseIds["0"].index',
    });
  });

  test('a region starting at line 0', () => {
    const located = result({ locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] });
    expect(fault(log(run([located])))).toEqual({
      path: '$.runs[0].results[0].locations[0].physicalLocation.region.startLine',
      message: 'must be >= 1',
    });
  });

  test('more results than the limit, in all runs together, is refused at the run that crosses it', () => {
    const three = () => run([result(), result(), result()]);
    expect(validateSarif(log(three(), three()), { maxResults: 6 })).toBeTruthy();
    expect(fault(log(three(), three()), { maxResults: 5 })).toEqual({
      path: '$.runs[1].results',
      message: 'holds more results than a log may (5 in all its runs)',
    });
  });

  test('SarifInvalid is an Error', () => {
    const error = new SarifInvalid('$.runs', 'must be array');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SarifInvalid');
  });
});
