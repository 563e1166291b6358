/**
 * Avatar uploads: what is accepted (type sniffed from the bytes) and the square sizes stored, in
 * pixels: 48 for the 1.5rem badge and 128 for the 4rem profile picture at 2× density, 256 for
 * larger screens. `avatarUrl` points at the largest; the others share its address but for the size.
 */
export const AVATAR = {
  maxBytes: 5 * 1024 * 1024,
  /** Decoding cost grows with pixels, not bytes: a small PNG can hold a huge canvas. */
  maxPixels: 25_000_000,
  types: ['image/jpeg', 'image/png', 'image/webp'],
  sizes: [48, 128, 256],
} as const;

/** The address of another stored size of an avatar (`size` one of AVATAR.sizes). */
export function avatarUrlAt(avatarUrl: string, size: number): string {
  return avatarUrl.replace(/\/\d+\.webp$/, `/${size}.webp`);
}
