import { defineFunction } from '#shared/kernel/declaration';
import { uploadPrefix } from '#shared/catalog/images';

export default defineFunction({
  name: 'process-product-image',
  context: 'catalog',
  description: 'Checks an uploaded image by its bytes, strips its metadata and publishes a thumbnail and a medium WebP',
  trigger: { kind: 'objectCreated', prefix: uploadPrefix },
  // Reads uploads, writes renditions; never deletes: the bucket's lifecycle rule expires uploads.
  grants: { table: ['read', 'write'], bucket: { read: ['uploads/'], write: ['images/'] } },
  nodeModules: ['sharp'],
});
