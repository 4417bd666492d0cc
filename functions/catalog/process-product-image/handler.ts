import { catalogImageProcessingDeps } from '#shared/catalog/image-deps';
import { processProductImage } from '#shared/catalog/images';
import { buildSharpRenderer } from '#shared/catalog/sharp-image-renderer';
import { objectCreatedHandler } from '#shared/kernel/consumers/object-created-handler';
import { logger } from '#shared/kernel/observability/logger';
import declaration from './function.ts';

export const buildHandler = (deps = catalogImageProcessingDeps(buildSharpRenderer())) =>
  objectCreatedHandler(declaration, async ({ key, size }) => {
    const { outcome, reason } = await processProductImage(deps, { key, size });
    logger.info('Processed an image upload', { key, outcome, ...(reason ? { reason } : {}) });
  });

export const handler = buildHandler();
