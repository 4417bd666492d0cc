import { defineFunction } from '#shared/kernel/declaration';
import { ImageUploadSchema, ProductParamsSchema, RequestImageUploadSchema } from '#shared/catalog/schemas';

export default defineFunction({
  name: 'request-image-upload',
  context: 'catalog',
  description: 'Records a pending image on a product and presigns its upload straight to the images bucket',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/products/{productId}/images',
      auth: 'jwt',
      roles: ['participant', 'facilitator'],
      summary: 'Presign an image upload (its seller or their facilitator); the image is checked and resized once uploaded',
      params: ProductParamsSchema,
      body: RequestImageUploadSchema,
      refusals: [403, 422],
      response: { status: 201, schema: ImageUploadSchema },
    },
  },
  // The presigned PUT is authorised by this function's own s3:PutObject.
  grants: { table: ['read', 'write'], bucket: { write: ['uploads/'] } },
});
