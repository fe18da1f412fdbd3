import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { serviceUnavailable } from '../http/kernel.errors.js';
import type { BlobBackend } from './blob-backend.js';

export interface S3BlobConfig {
  /** An S3-compatible endpoint (MinIO, Ceph, s3rver); AWS's own when unset. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Unset: the SDK's default chain (environment, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
  /** Bound on connecting and on each request, so a bucket that does not answer is a fast 503. */
  timeoutMs: number;
}

/** Multipart parts: S3's smallest, so an upload holds at most two parts in memory. */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * BLOB_STORE=s3: the bytes in an S3-compatible bucket, one object per blob under `blobs/<id>`,
 * streamed in by multipart upload (the length is not known in advance) and out as the GET's body.
 */
export class S3BlobBackend implements BlobBackend {
  readonly name = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly config: S3BlobConfig) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      maxAttempts: 2,
      requestHandler: { connectionTimeout: config.timeoutMs, requestTimeout: config.timeoutMs },
    });
  }

  private key(id: string): string {
    return `blobs/${id}`;
  }

  async write(id: string, bytes: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<void> {
    // A failure of the source (over its limit, the client gone) is the answer, not the bucket's state.
    let sourceFailure: unknown;
    async function* watched(): AsyncGenerator<Buffer> {
      try {
        yield* bytes;
      } catch (error) {
        sourceFailure = error;
        throw error;
      }
    }
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key: this.key(id), Body: Readable.from(watched()) },
      partSize: PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    try {
      await this.unavailableWhenUnreachable(upload.done());
    } catch (error) {
      throw sourceFailure ?? error;
    }
  }

  async read(id: string): Promise<Readable> {
    const answer = await this.unavailableWhenUnreachable(
      this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(id) })),
    );
    return answer.Body as Readable;
  }

  async remove(id: string): Promise<void> {
    try {
      await this.unavailableWhenUnreachable(this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.key(id) })));
    } catch (error) {
      if (!(error instanceof NoSuchKey)) throw error;
    }
  }

  /**
   * An answer from S3 (access denied, no such bucket) is a fault of the deployment and stays an
   * error; no answer at all (refused, reset, timed out) is the bucket being down: 503.
   */
  private async unavailableWhenUnreachable<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata?.httpStatusCode !== undefined && error.$metadata.httpStatusCode < 500)
        throw error;
      if (error instanceof Error && error.name === 'AbortError') throw error;
      throw serviceUnavailable('The blob store is temporarily unavailable; try again shortly');
    }
  }
}
