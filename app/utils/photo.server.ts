import sharp from 'sharp'
import { MAX_PHOTO_BYTES, PHOTO_SIZE } from './who-comes'

// Formats people's phones and cameras give; decoded by sharp, never trusted by name or type.
// SVG is not among them: it is a text format that can carry links and scripts.
const RASTER_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif', 'tiff'])

/** A camera's 200 megapixels is more than anyone uploads for a portrait; larger is refused undecoded. */
const MAX_INPUT_PIXELS = 100_000_000

export type PhotoResult = { ok: true; image: Buffer } | { ok: false; reason: 'too-large' | 'not-an-image' | 'empty' }

/**
 * A board photo from uploaded bytes: decoded (anything sharp cannot decode is refused, whatever
 * its file name says), turned upright by its EXIF orientation, cut to a 400×400 square and
 * re-encoded as JPEG. sharp writes no metadata unless asked to (withMetadata), so EXIF, GPS, XMP,
 * IPTC and ICC profiles are all gone; the pixels are converted to sRGB first.
 */
export async function boardPhotoFrom(bytes: Buffer): Promise<PhotoResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' }
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, reason: 'too-large' }
  try {
    const input = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    const metadata = await input.metadata()
    if (!metadata.format || !RASTER_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) return { ok: false, reason: 'not-an-image' }
    const image = await input
      .rotate()
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: 'attention' })
      .toColourspace('srgb')
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, progressive: true })
      .toBuffer()
    return { ok: true, image }
  } catch {
    return { ok: false, reason: 'not-an-image' }
  }
}
