import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';

/**
 * The official SARIF 2.1.0 JSON Schema (rtm.5, draft-04), as `@microsoft/jest-sarif` ships it, compiled
 * once per process on first use: compiling takes about a third of a second, too long to pay per
 * request and pointless to pay at boot for a process that never sees a log.
 */

/** Where the schema is: the package has no exports map, so its package.json resolves and the file sits beside it. */
const SCHEMA_FILE = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/jest-sarif/package.json')),
  'lib/schemas/sarif-2.1.0-rtm.5.json',
);

let compiled: ValidateFunction | undefined;

/** The compiled validator; the first call reads and compiles the schema. */
export function sarifSchemaValidator(): ValidateFunction {
  return (compiled ??= compileSarifSchema());
}

function compileSarifSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // ajv-draft-04 is CommonJS: under nodenext the default import is its module.exports, which is the
  // class and also carries it as `.default` (the only one of the two its types describe).
  const ajv = new Ajv.default({
    allErrors: false,
    // The official schema uses what strict mode refuses: `anyOf: [{ required: ['index'] }, …]`, whose
    // branches require properties they do not declare (strictRequired).
    strict: false,
    // The language-tag pattern is `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`: its stray `]` is a
    // syntax error under the `u` flag Ajv 8 uses by default, and a literal without it, as the schema's
    // authors (and every draft-04 validator of their day) read it. The other patterns are ASCII, so
    // nothing else changes meaning.
    unicodeRegExp: false,
    // Formats (uri, uri-reference, date-time) are not checked: real tools break them (ESLint's
    // formatter writes helpUri "Please see details in message"), ingestion reads no date, and every
    // URI it uses is parsed and checked where it is read (sarif-paths.ts, sarif-rules.ts). Saying so
    // also keeps Ajv from warning about each format it does not know; ajv-formats is a dev dependency.
    validateFormats: false,
  });
  return ajv.compile(schema);
}
