import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { AVATAR } from '@crossroads/shared-domain';
import { AccountDeletionService } from '@crossroads/api-accounts';
import { TestApp, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

const ME = `{ me { avatarUrl } }`;

/** A photo-like JPEG with EXIF (camera, GPS-like comment) that must not survive. */
function jpegWithExif(width = 1200, height = 800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 90, b: 40 } } })
    .withExif({ IFD0: { Make: 'TestCam', Model: 'Secret Model 9', ImageDescription: 'home at 38.7223 N, 9.1393 W' } })
    .jpeg()
    .toBuffer();
}

async function upload(t: TestApp, user: TestUser | null, bytes: Buffer, filename = 'me.jpg', type = 'image/jpeg') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = await fetch(`${t.url}/uploads/avatar`, {
    method: 'POST',
    body: form,
    headers: user ? { authorization: `Bearer ${user.token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as { avatarUrl?: string; code?: string; error?: string } };
}

async function avatarOf(t: TestApp, user: TestUser): Promise<string | null> {
  return (await t.gql(ME, {}, { token: user.token })).data?.me.avatarUrl as string | null;
}

function sizesAt(url: string): string[] {
  return AVATAR.sizes.map((s) => url.replace(/\/\d+\.webp$/, `/${s}.webp`));
}

describe('avatars on disk (DATA_DIR)', () => {
  let t: TestApp;
  let dataDir: string;
  const filesOf = (userId: string) => {
    try {
      return readdirSync(join(dataDir, 'avatars', userId), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.webp'));
    } catch {
      return [];
    }
  };

  // Its own database: the erasure job of a suite running beside it would erase this suite's due
  // accounts on its own instance, whose data folder does not hold these avatar files.
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crossroads-avatars-'));
    database = await createIsolatedDatabase('avatars');
    t = await TestApp.start({ dataDir }, database.url);
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a JPEG as square WebP sizes without its metadata, served with long-lived caching', async () => {
    const u = await t.createUser();
    const res = await upload(t, u, await jpegWithExif());
    expect(res.status).toBe(201);
    const url = res.body.avatarUrl!;
    expect(url).toMatch(new RegExp(`^/avatars/${u.user.id}/[0-9a-z]{16}/256\\.webp$`));
    expect(await avatarOf(t, u)).toBe(url);
    for (const [i, sizeUrl] of sizesAt(url).entries()) {
      const got = await fetch(t.url + sizeUrl);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/webp');
      expect(got.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(Buffer.from(await got.arrayBuffer())).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: AVATAR.sizes[i], height: AVATAR.sizes[i] });
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
    }
    // Others see it too.
    const seen = await t.gql(`query($h: String!) { user(handle: $h) { avatarUrl } }`, { h: u.user.handle });
    expect(seen.data?.user.avatarUrl).toBe(url);
  });

  it('replaces the previous upload (PNG, then WebP) and removes its files', async () => {
    const u = await t.createUser();
    const png = await sharp({ create: { width: 300, height: 500, channels: 4, background: '#1f5f99' } })
      .png()
      .toBuffer();
    const first = await upload(t, u, png, 'a.png', 'image/png');
    expect(first.status).toBe(201);
    const webp = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3d6b21' } })
      .webp()
      .toBuffer();
    // The client's type is not trusted either way: a WebP sent as "application/octet-stream" is still a WebP.
    const second = await upload(t, u, webp, 'b.bin', 'application/octet-stream');
    expect(second.status).toBe(201);
    expect(second.body.avatarUrl).not.toBe(first.body.avatarUrl);
    expect((await fetch(t.url + first.body.avatarUrl!)).status).toBe(404);
    expect((await fetch(t.url + second.body.avatarUrl!)).status).toBe(200);
    expect(filesOf(u.user.id)).toHaveLength(AVATAR.sizes.length);
  });

  it.each([
    [
      'a text file sent as a PNG',
      () => Promise.resolve(Buffer.from('<svg onload="alert(1)"></svg> not an image')),
      'x.png',
      'image/png',
      415,
      'AVATAR_NOT_AN_IMAGE',
    ],
    [
      'a GIF (a real image, but not one of the accepted types)',
      () =>
        sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
      'x.gif',
      'image/gif',
      415,
      'AVATAR_NOT_AN_IMAGE',
    ],
    [
      'a truncated JPEG',
      async () => (await jpegWithExif()).subarray(0, 400),
      'x.jpg',
      'image/jpeg',
      415,
      'AVATAR_NOT_AN_IMAGE',
    ],
    [
      'a file over 5 MB',
      () =>
        sharp(randomBytes(1400 * 1400 * 3), { raw: { width: 1400, height: 1400, channels: 3 } })
          .png({ compressionLevel: 0 })
          .toBuffer(),
      'big.png',
      'image/png',
      413,
      'AVATAR_TOO_LARGE',
    ],
    [
      'an image of too many pixels (small file, huge canvas)',
      () =>
        sharp({ create: { width: 6000, height: 6000, channels: 3, background: '#fff' } })
          .png()
          .toBuffer(),
      'huge.png',
      'image/png',
      422,
      'AVATAR_TOO_MANY_PIXELS',
    ],
  ])('refuses %s with a clear code and stores nothing', async (_what, make, filename, type, status, code) => {
    const u = await t.createUser();
    const bytes = await make();
    const res = await upload(t, u, bytes, filename, type);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body.error).toEqual(expect.any(String));
    expect(await avatarOf(t, u)).toBeNull();
    expect(filesOf(u.user.id)).toEqual([]);
  });

  it('refuses guests and a request without a file', async () => {
    expect((await upload(t, null, await jpegWithExif(40, 40))).status).toBe(401);
    const u = await t.createUser();
    const res = await fetch(`${t.url}/uploads/avatar`, {
      method: 'POST',
      body: new FormData(),
      headers: { authorization: `Bearer ${u.token}` },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('AVATAR_MISSING');
  });

  it('removeAvatar brings back the initials avatar and removes the files', async () => {
    const u = await t.createUser();
    const { body } = await upload(t, u, await jpegWithExif(100, 100));
    const res = await t.gql(`mutation { removeAvatar { avatarUrl } }`, {}, { token: u.token });
    expect(res.data?.removeAvatar.avatarUrl).toBeNull();
    expect((await fetch(t.url + body.avatarUrl!)).status).toBe(404);
    expect(filesOf(u.user.id)).toEqual([]);
  });

  it('an erased account loses its avatar files', async () => {
    const u = await t.createUser();
    const { body } = await upload(t, u, await jpegWithExif(100, 100));
    await t.dataSource.query(`UPDATE users SET deletion_requested_at = now() - interval '8 days' WHERE id = $1`, [
      u.user.id,
    ]);
    expect(await t.app.get(AccountDeletionService).eraseDue()).toBe(1);
    expect(filesOf(u.user.id)).toEqual([]);
    expect((await fetch(t.url + body.avatarUrl!)).status).toBe(404);
    const [row] = (await t.dataSource.query(`SELECT avatar_version AS "v" FROM users WHERE id = $1`, [u.user.id])) as {
      v: string | null;
    }[];
    expect(row.v).toBeNull();
  });

  it('serves nothing for addresses that are not a stored size', async () => {
    const u = await t.createUser();
    const { body } = await upload(t, u, await jpegWithExif(100, 100));
    for (const bad of [
      body.avatarUrl!.replace('256.webp', '300.webp'),
      body.avatarUrl!.replace('256.webp', '..%2F..%2Fjwt-secret'),
      `/avatars/${u.user.id}/..%2F..%2F/256.webp`,
    ]) {
      expect((await fetch(t.url + bad)).status).toBe(404);
    }
  });
});

describe('avatars in S3-compatible storage', () => {
  let t: TestApp;
  let s3: S3rver;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crossroads-s3-'));
    s3 = new S3rver({
      address: '127.0.0.1',
      port: 0,
      directory,
      silent: true,
      configureBuckets: [{ name: 'crossroads', configs: [] }],
    });
    const { port } = (await s3.run()) as unknown as { port: number };
    t = await TestApp.start({
      dataDir: directory,
      s3: {
        bucket: 'crossroads',
        endpoint: `http://127.0.0.1:${port}`,
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('stores the sizes in the bucket, serves them, and removes the old ones on replacement', async () => {
    const u = await t.createUser();
    const first = await upload(t, u, await jpegWithExif());
    expect(first.status).toBe(201);
    const got = await fetch(t.url + first.body.avatarUrl!);
    expect(got.status).toBe(200);
    expect((await sharp(Buffer.from(await got.arrayBuffer())).metadata()).width).toBe(256);
    const listed = await fetch(
      `${(t.config.s3 as { endpoint: string }).endpoint}/crossroads?list-type=2&prefix=avatars/${u.user.id}/`,
    );
    const keys = [...(await listed.text()).matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]);
    expect(keys.sort()).toEqual(
      sizesAt(first.body.avatarUrl!)
        .map((url) => url.replace(/^\//, ''))
        .sort(),
    );

    const second = await upload(t, u, await jpegWithExif(50, 50));
    expect(second.status).toBe(201);
    expect((await fetch(t.url + first.body.avatarUrl!)).status).toBe(404);
    expect((await fetch(t.url + second.body.avatarUrl!)).status).toBe(200);
  });
});
