import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AVATAR } from '@crossroads/shared-domain';

export type AvatarProblem = 'AVATAR_MISSING' | 'AVATAR_TOO_LARGE' | 'AVATAR_NOT_AN_IMAGE' | 'AVATAR_TOO_MANY_PIXELS';

export class AvatarRejected extends Error {
  constructor(
    readonly code: AvatarProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks an uploaded file and makes the stored sizes: the type comes from the bytes (never the
 * client's word), the pixel count is read from the header before decoding, and the output is a
 * fresh WebP per size, so no metadata (EXIF, GPS, ICC comments) survives.
 */
export async function avatarImages(bytes: Buffer): Promise<Map<number, Buffer>> {
  if (bytes.length > AVATAR.maxBytes)
    throw new AvatarRejected('AVATAR_TOO_LARGE', `The image must be at most ${AVATAR.maxBytes / 1024 / 1024} MB.`);
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(AVATAR.types as readonly string[]).includes(type.mime))
    throw new AvatarRejected('AVATAR_NOT_AN_IMAGE', 'The file must be a JPEG, PNG or WebP image.');
  let width = 0;
  let height = 0;
  try {
    ({ width, height } = await sharp(bytes).metadata());
  } catch {
    throw new AvatarRejected('AVATAR_NOT_AN_IMAGE', 'The image could not be read.');
  }
  if (width * height > AVATAR.maxPixels) {
    throw new AvatarRejected(
      'AVATAR_TOO_MANY_PIXELS',
      `The image is too big: at most ${AVATAR.maxPixels / 1_000_000} megapixels (this one is ${width} × ${height}).`,
    );
  }
  const out = new Map<number, Buffer>();
  try {
    for (const size of AVATAR.sizes) {
      // rotate(): apply the EXIF orientation before it is dropped.
      out.set(
        size,
        await sharp(bytes, { limitInputPixels: AVATAR.maxPixels })
          .rotate()
          .resize(size, size, { fit: 'cover' })
          .webp({ quality: 82 })
          .toBuffer(),
      );
    }
  } catch {
    throw new AvatarRejected('AVATAR_NOT_AN_IMAGE', 'The image could not be read.');
  }
  return out;
}
