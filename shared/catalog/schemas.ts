import { GroupId, ImageId, ParticipantId, ProductId } from '#events/ids';
import { ListQuerySchema } from '#shared/kernel/store/page-schemas';
import { textField } from '#shared/kernel/text-field';
import * as z from '#shared/kernel/validation';

/** Categories are slugs ("tas", "hiasan-dinding"), so a filter matches exactly what sellers chose. */
export const CategorySchema = z
  .string()
  .check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use a lowercase slug such as tas or hiasan-dinding'), z.maxLength(40));

export const MaterialSchema = z.strictObject({
  material: textField(60),
  grams: z.int().check(z.positive(), z.maximum(1_000_000)),
});

/** Rupiah are whole numbers; a billion is far beyond any craft and guards against typos. */
const PriceIdrSchema = z.int().check(z.positive(), z.maximum(1_000_000_000));
const StockSchema = z.int().check(z.minimum(0), z.maximum(100_000));

export const ProductImageSchema = z.object({
  imageId: z.string(),
  status: z.enum(['pending', 'ready', 'rejected']),
  urls: z.optional(z.object({ thumbnail: z.string(), medium: z.string() })),
});
export type ProductImage = z.infer<typeof ProductImageSchema>;

/** What a seller may upload; the processor checks the bytes really are the type declared here. */
export const ImageContentTypeSchema = z.enum(['image/jpeg', 'image/png', 'image/webp']);
export type ImageContentType = z.infer<typeof ImageContentTypeSchema>;

export const maxImageBytes = 5 * 1024 * 1024;

export const RequestImageUploadSchema = z.strictObject({
  contentType: ImageContentTypeSchema,
  contentLength: z.int().check(z.minimum(1), z.maximum(maxImageBytes, 'At most 5 MiB (5242880 bytes)')),
});
export type RequestImageUpload = z.output<typeof RequestImageUploadSchema>;

export const ImageUploadSchema = z.object({
  imageId: ImageId,
  upload: z.object({
    url: z.url(),
    method: z.literal('PUT'),
    /** send exactly these: both are signed, so S3 refuses another type or size */
    headers: z.object({ 'content-type': ImageContentTypeSchema, 'content-length': z.string() }),
  }),
  expiresAt: z.iso.datetime(),
});
export type ImageUpload = z.infer<typeof ImageUploadSchema>;

export const ProductStatusSchema = z.enum(['draft', 'listed', 'delisted']);
export type ProductStatus = z.infer<typeof ProductStatusSchema>;

export const ProductSchema = z.object({
  id: ProductId,
  participantId: ParticipantId,
  groupId: GroupId,
  title: z.string(),
  description: z.string(),
  category: z.string(),
  priceIdr: z.int(),
  stock: z.int(),
  materials: z.array(z.object({ material: z.string(), grams: z.int() })),
  status: ProductStatusSchema,
  images: z.array(ProductImageSchema),
  listedAt: z.nullable(z.iso.datetime()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Product = z.infer<typeof ProductSchema>;

const productFields = {
  title: textField(120),
  description: textField(4000),
  category: CategorySchema,
  priceIdr: PriceIdrSchema,
  stock: StockSchema,
  materials: z.array(MaterialSchema).check(z.minLength(1), z.maxLength(20)),
};

export const CreateProductSchema = z.strictObject({
  /** a facilitator names the participant; a participant creates their own and may omit it */
  participantId: z.optional(ParticipantId),
  ...productFields,
});
export type CreateProduct = z.output<typeof CreateProductSchema>;

export const UpdateProductSchema = z
  .strictObject({
    title: z.optional(productFields.title),
    description: z.optional(productFields.description),
    category: z.optional(productFields.category),
    priceIdr: z.optional(productFields.priceIdr),
    stock: z.optional(productFields.stock),
    materials: z.optional(productFields.materials),
  })
  .check(z.refine((patch) => Object.keys(patch).length > 0, 'Name at least one field to change'));
export type UpdateProduct = z.output<typeof UpdateProductSchema>;

export const BrowseProductsQuerySchema = z.extend(ListQuerySchema, {
  category: z.optional(CategorySchema),
  groupId: z.optional(GroupId),
  artisanId: z.optional(ParticipantId),
});
export type BrowseProductsQuery = z.output<typeof BrowseProductsQuerySchema>;

export const ProductParamsSchema = z.object({ productId: ProductId });
