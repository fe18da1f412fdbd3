/**
 * Where the agent's secrets live. The agent reads, writes and lists them through this interface
 * only, so a Kubernetes or Vault backend is one more implementation; the directory backend is the
 * built-in one.
 */
export interface SecretLocation {
  namespace: string;
  ref: string;
}

export interface FoundSecret extends SecretLocation {
  /** Changes whenever the value does; never derived from the value itself. */
  version: string;
}

export interface SecretBackend {
  /** Its provider name, as reported to the server (`file`, `kubernetes`, `vault`…). */
  readonly provider: string;
  list(): Promise<FoundSecret[]>;
  /** Throws SecretNotFound when there is no such secret. */
  read(location: SecretLocation): Promise<Buffer>;
  /** Replaces the value (creating the secret if it is new); answers the new version. */
  write(location: SecretLocation, value: Buffer): Promise<string>;
}

export class SecretNotFound extends Error {
  override name = 'SecretNotFound';
}
