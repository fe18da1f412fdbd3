import { sarifInvalid } from './scanning.errors.js';
import { extractFindings } from './sarif/sarif-findings.js';
import { SarifInvalid, validateSarif } from './sarif/sarif-validator.js';
import type { SarifLog } from './sarif/sarif-types.js';

export { extractFindings };

/** The largest scan request or SARIF upload, its log included (the routes' @BodyLimit). */
export const SARIF_BODY_LIMIT = '32mb';
export type { SarifLog };

/**
 * A SARIF log sent in a request body: validated against the SARIF 2.1.0 schema (422 SARIF_INVALID
 * naming the JSON path, before anything is stored), with the bytes the blob store keeps of it.
 */
export function readSarif(body: unknown, maxResults: number): { log: SarifLog; bytes: Buffer } {
  try {
    const log = validateSarif(body, { maxResults });
    return { log, bytes: Buffer.from(JSON.stringify(log), 'utf8') };
  } catch (error) {
    if (error instanceof SarifInvalid) throw sarifInvalid(error.path, error.message);
    throw error;
  }
}
