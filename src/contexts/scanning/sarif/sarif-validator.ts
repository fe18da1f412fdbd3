import type { ErrorObject } from 'ajv-draft-04';
import { sarifSchemaValidator } from './sarif-schema.js';
import type { SarifLog } from './sarif-types.js';

/** A log ingestion refuses: `path` is the JSON path at fault (`$.runs[0].results[3].level`), `message` says what is wrong there. */
export class SarifInvalid extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'SarifInvalid';
  }
}

export interface SarifLimits {
  /** Results in all runs of one log; more is refused (default 100 000). */
  maxResults?: number;
}

const DEFAULT_MAX_RESULTS = 100_000;

/**
 * The log, once it is a SARIF 2.1.0 log ingestion can use: valid against the official schema, of version
 * 2.1.0, and with at most `maxResults` results. Otherwise SarifInvalid names the first fault. The log is
 * returned as given, not copied or changed.
 */
export function validateSarif(log: unknown, limits: SarifLimits = {}): SarifLog {
  // Both checks come before the schema: the version because the schema's own answer ("must be equal to
  // one of the allowed values (2.1.0)") says less, the count because validating a million results only
  // to refuse them is work an uploader could make us do at will.
  if (isObject(log) && 'version' in log && log.version !== '2.1.0') {
    throw new SarifInvalid('$.version', `must be "2.1.0" (the only SARIF version accepted), not ${describe(log.version)}`);
  }
  if (isObject(log) && Array.isArray(log.runs)) checkResultCount(log.runs, limits.maxResults ?? DEFAULT_MAX_RESULTS);

  const validate = sarifSchemaValidator();
  if (!validate(log)) {
    // With allErrors off, Ajv stops at the first fault; when that is an anyOf none of whose branches
    // held, the errors are each branch's and then the anyOf's own: the last error is the fault.
    const errors = validate.errors ?? [];
    const error = errors.at(-1);
    if (!error) throw new SarifInvalid('$', 'is not a valid SARIF 2.1.0 log');
    throw new SarifInvalid(jsonPath(log, error.instancePath), describeError(error, errors));
  }
  return log as SarifLog;
}

function checkResultCount(runs: unknown[], max: number): void {
  let total = 0;
  runs.forEach((run, i) => {
    if (!isObject(run) || !Array.isArray(run.results)) return;
    total += run.results.length;
    if (total > max) {
      throw new SarifInvalid(`$.runs[${i}].results`, `holds more results than a log may (${max} in all its runs)`);
    }
  });
}

function describeError(error: ErrorObject, all: ErrorObject[]): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be equal to one of the allowed values (${(params.allowedValues as unknown[]).map(String).join(', ')})`;
    case 'required':
      return `must have the required property '${String(params.missingProperty)}'`;
    case 'additionalProperties':
      return `must NOT have the property '${String(params.additionalProperty)}' (SARIF 2.1.0 defines no such property here)`;
    case 'anyOf': {
      // Every anyOf in the SARIF schema is a choice of required properties (message: text or id;
      // physicalLocation: address or artifactLocation…): name them.
      const missing = all
        .filter((e) => e !== error && e.keyword === 'required' && e.instancePath === error.instancePath)
        .map((e) => `'${String((e.params as Record<string, unknown>).missingProperty)}'`);
      return missing.length ? `must have at least one of the properties ${missing.join(', ')}` : (error.message ?? 'is not valid');
    }
    default:
      return error.message ?? 'is not valid';
  }
}

/**
 * Ajv's instancePath (a JSON pointer, `/runs/0/results/3/level`) as a JSON path (`$.runs[0].results[3].level`).
 * The log is walked beside it so that an index is written `[0]` only in an array (a property bag's
 * key `"0"` stays a key), and a key that is not an identifier is quoted (`["security-severity"]`).
 */
function jsonPath(log: unknown, pointer: string): string {
  let path = '$';
  let at: unknown = log;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(at) && /^\d+$/.test(key)) {
      path += `[${key}]`;
      at = at[Number(key)];
      continue;
    }
    path += /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    at = isObject(at) ? at[key] : undefined;
  }
  return path;
}

/** A value as the message quotes it: its JSON, at most 40 characters of it. */
function describe(value: unknown): string {
  // JSON.stringify answers undefined only for undefined, functions and symbols, none of which JSON holds.
  return (JSON.stringify(value) ?? 'undefined').slice(0, 40);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
