/** S3-compatible object storage for uploads (avatars); unset: files go under DATA_DIR. */
export interface S3StorageConfig {
  bucket: string;
  /** e.g. http://minio:9000; unset: AWS S3 of `region`. */
  endpoint: string | undefined;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** Path-style addresses (`endpoint/bucket/key`), which MinIO and most self-hosted servers need. */
  forcePathStyle: boolean;
}

export function readS3Storage(
  value: (name: string) => string | undefined,
  problems: string[],
): S3StorageConfig | undefined {
  const bucket = value('S3_BUCKET');
  const endpoint = value('S3_ENDPOINT');
  const accessKeyId = value('S3_ACCESS_KEY_ID');
  const secretAccessKey = value('S3_SECRET_ACCESS_KEY');
  if (!bucket) {
    if (endpoint || accessKeyId || secretAccessKey)
      problems.push('S3_BUCKET must be set when S3_ENDPOINT or S3 keys are');
    return undefined;
  }
  if (endpoint && !(URL.canParse(endpoint) && ['http:', 'https:'].includes(new URL(endpoint).protocol)))
    problems.push('S3_ENDPOINT must be an http:// or https:// URL');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  const pathStyle = value('S3_FORCE_PATH_STYLE') ?? String(Boolean(endpoint));
  if (!['true', 'false'].includes(pathStyle)) problems.push('S3_FORCE_PATH_STYLE must be true or false');
  return {
    bucket,
    endpoint,
    region: value('S3_REGION') ?? 'us-east-1',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: pathStyle === 'true',
  };
}
