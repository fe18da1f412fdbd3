import { createCipheriv, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { openWireEnvelope, rawPublicKey } from '../../src/kernel/crypto/wire-envelope.js';
import { type SecretBackend, type SecretLocation, SecretNotFound } from '../secrets/backend.js';
import type { AgentApi } from '../server-api.js';
import { invalidPayload, JobFailure, type JobHandler } from './handler.js';

/** The job types the secrets handlers run (with --secrets-dir). */
export const SECRET_JOB_TYPES = ['secret.read', 'secret.patch'];

/** The X25519 key pair that patch values and data keys are sealed to: made at start, the private half kept in memory only. */
export function agentKeyPair(): { privateKey: KeyObject; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { privateKey, publicKey: rawPublicKey(publicKey).toString('base64url') };
}

interface SecretPayload {
  requestId: string;
  secret: SecretLocation & { clusterName: string; provider: string };
  wrapId?: string;
}

function payloadOf(payload: Record<string, unknown>, cluster: string, provider: string): SecretPayload {
  const p = payload as Partial<SecretPayload>;
  if (typeof p.requestId !== 'string' || typeof p.secret?.ref !== 'string' || typeof p.secret.namespace !== 'string')
    throw invalidPayload('payload must name requestId and secret {namespace, ref}');
  if (p.secret.clusterName !== cluster)
    throw invalidPayload(`the secret is in cluster ${p.secret.clusterName}; this agent serves ${cluster}`);
  if (p.secret.provider !== provider)
    throw invalidPayload(`the secret's provider is ${p.secret.provider}; this agent's backend is ${provider}`);
  return p as SecretPayload;
}

/** A secret the backend does not have: asking again cannot help. */
async function readOrFail(backend: SecretBackend, location: SecretLocation): Promise<Buffer> {
  try {
    return await backend.read(location);
  } catch (error) {
    if (error instanceof SecretNotFound) throw new JobFailure('SECRET_NOT_FOUND', error.message, false);
    throw error;
  }
}

/**
 * secret.read: fetches the value, seals it under a data key issued for the job (which arrives in a
 * wire envelope to this agent's key; AES-256-GCM, the key's context as additional data), posts it
 * and forgets both. secret.patch: retrieves the new
 * value once (a wire envelope to this agent's key), writes it. Neither value is logged or kept;
 * the job's result holds only the wrap id or the new version.
 */
export function secretHandlers(api: AgentApi, backend: SecretBackend, cluster: string, privateKey: KeyObject): Map<string, JobHandler> {
  const read: JobHandler = async ({ job, signal, log }) => {
    const { secret } = payloadOf(job.payload, cluster, backend.provider);
    const value = await readOrFail(backend, secret);
    const dek = await api.issueDataKey(job, signal);
    // The key comes sealed to this agent's X25519 key, like every value Marshal sends it.
    const key = openWireEnvelope(privateKey, Buffer.from(dek.keyEnvelope, 'base64url'), dek.keyEnvelopeContext);
    try {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(dek.context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(value), cipher.final()]);
      const wrapId = await api.postWrap(
        job,
        dek.wrappedKey,
        { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') },
        signal,
      );
      log.info('secret value posted', { jobId: job.id, ref: secret.ref, wrapId });
      return { wrapId };
    } finally {
      key.fill(0);
      value.fill(0);
    }
  };

  const patch: JobHandler = async ({ job, signal, log }) => {
    const { secret, wrapId } = payloadOf(job.payload, cluster, backend.provider);
    if (typeof wrapId !== 'string') throw invalidPayload('payload.wrapId is missing');
    const wrap = await api.retrieveWrap(wrapId, signal);
    const value = openWireEnvelope(privateKey, Buffer.from(wrap.envelope, 'base64url'), wrap.context);
    try {
      const version = await backend.write(secret, value);
      log.info('secret patched', { jobId: job.id, ref: secret.ref, version });
      return { version };
    } finally {
      value.fill(0);
    }
  };

  return new Map([
    ['secret.read', read],
    ['secret.patch', patch],
  ]);
}
