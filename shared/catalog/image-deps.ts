import { systemClock } from '#shared/kernel/clock';
import { EnvName, readEnv } from '#shared/kernel/env';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import { bucketName, buildObjectRequestSigner } from '#shared/kernel/store/s3';
import { buildProductImageStore } from './dynamo-product-image-store.ts';
import { buildProductStore } from './dynamo-product-store.ts';
import { buildImageObjects } from './s3-image-objects.ts';
import { buildUploadSigner } from './s3-upload-signer.ts';
import type { ImageRenderer } from './ports.ts';

/** The presign function's side effects, built once per container. */
export function catalogImageUploadDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  return {
    products: buildProductStore(doc, table, buildCursorCodec()),
    images: buildProductImageStore(doc, table),
    uploads: buildUploadSigner(buildObjectRequestSigner(bucketName())),
    clock: systemClock,
  };
}

/** The processor's side effects; the renderer is passed in so that only the processor's bundle imports sharp. */
export function catalogImageProcessingDeps(renderer: ImageRenderer) {
  return {
    images: buildProductImageStore(buildDocumentClient(), tableName()),
    objects: buildImageObjects(buildObjectRequestSigner(bucketName())),
    renderer,
    clock: systemClock,
    baseUrl: readEnv(EnvName.imagesBaseUrl),
  };
}
