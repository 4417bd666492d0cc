import sharp from 'sharp';
import { maxImagePixels } from './images.ts';
import type { ImageRenderer, RenditionName } from './ports.ts';

const widths: Record<RenditionName, number> = { thumbnail: 320, medium: 1024 };

// One image at a time per container: libvips' operation cache would only hold memory between invocations.
sharp.cache(false);

/**
 * sharp writes no metadata unless asked to (withMetadata/keepExif are never called here), so EXIF, GPS, ICC and
 * XMP are dropped; autoOrient() applies the EXIF orientation to the pixels first, so nothing looks rotated.
 */
export function buildSharpRenderer(): ImageRenderer {
  return {
    async probe(bytes) {
      try {
        const { format, width, height } = await sharp(bytes, { limitInputPixels: maxImagePixels }).metadata();
        return { format, width, height };
      } catch {
        return undefined;
      }
    },
    async render(bytes) {
      const upright = sharp(bytes, { limitInputPixels: maxImagePixels, failOn: 'error' }).autoOrient();
      const render = (width: number) => upright.clone().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
      const [thumbnail, medium] = await Promise.all([render(widths.thumbnail), render(widths.medium)]);
      return { thumbnail, medium };
    },
  };
}
