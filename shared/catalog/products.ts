import { ProductDelisted } from '#events/product-delisted';
import { ProductListed } from '#events/product-listed';
import { type Caller, hasRole, isFacilitatorOf, isParticipant } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import { BusinessRuleError, ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';
import type { Page } from '#shared/kernel/store/page-schemas';
import type { ProductStore, SellerDirectory } from './ports.ts';
import type { BrowseProductsQuery, CreateProduct, Product, UpdateProduct } from './schemas.ts';

export interface CatalogDeps {
  products: ProductStore;
  sellers: SellerDirectory;
  clock: Clock;
}

/** The seller a caller may create products for: themselves, or a participant of the group they facilitate. */
async function sellerFor(deps: CatalogDeps, caller: Caller, requested: string | undefined) {
  if (hasRole(caller, 'participant') && caller.participantId && (requested === undefined || requested === caller.participantId)) {
    const seller = await deps.sellers.sellerOf(caller.participantId);
    if (!seller) throw new NotFoundError('Participant');
    return { participantId: caller.participantId, ...seller };
  }
  if (hasRole(caller, 'facilitator') && caller.groupId) {
    if (requested === undefined)
      throw new InvalidInputError('Name the participant', [{ path: 'body.participantId', message: 'Required for facilitators' }]);
    const seller = await deps.sellers.sellerOf(requested);
    if (!seller || seller.groupId !== caller.groupId) throw new BusinessRuleError('The participant is not in your group');
    return { participantId: requested, ...seller };
  }
  throw new ForbiddenError('Only participants and their facilitators create products');
}

export async function createProduct(deps: CatalogDeps, caller: Caller, input: CreateProduct): Promise<Product> {
  const { participantId: requested, ...fields } = input;
  const seller = await sellerFor(deps, caller, requested);
  if (seller.sellerStatus !== 'eligible') throw new ForbiddenError('The participant may sell once they have completed a training');
  const now = deps.clock.now().toISOString();
  const product: Product = {
    id: newId('prd'),
    participantId: seller.participantId,
    groupId: seller.groupId,
    ...fields,
    status: 'draft',
    images: [],
    listedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.products.create(product);
  return product;
}

const canManage = (caller: Caller | undefined, product: Product) =>
  caller !== undefined && (isParticipant(caller, product.participantId) || isFacilitatorOf(caller, product.groupId));

/** Listed products are public; drafts and delisted ones exist only for their seller and the group's facilitators. */
export async function getProduct(deps: Pick<CatalogDeps, 'products'>, caller: Caller | undefined, productId: string): Promise<Product> {
  const product = await deps.products.get(productId);
  if (!product || (product.status !== 'listed' && !canManage(caller, product))) throw new NotFoundError('Product');
  return product;
}

/** The product, if the caller may change it: its seller or a facilitator of its group (the rule of PATCH, listing and images). */
export async function productToManage(deps: Pick<CatalogDeps, 'products'>, caller: Caller, productId: string): Promise<Product> {
  const product = await getProduct(deps, caller, productId);
  if (!canManage(caller, product)) throw new ForbiddenError('Only the seller and their facilitators change a product');
  return product;
}

export async function updateProduct(deps: CatalogDeps, caller: Caller, productId: string, changes: UpdateProduct): Promise<Product> {
  const product = await productToManage(deps, caller, productId);
  return deps.products.update(product, changes, deps.clock.now().toISOString());
}

export async function listProduct(deps: CatalogDeps, caller: Caller, productId: string): Promise<Product> {
  const product = await productToManage(deps, caller, productId);
  if (product.status === 'listed') throw new ConflictError('The product is already listed');
  const at = deps.clock.now().toISOString();
  const { id, participantId, groupId, title, category, priceIdr, stock } = product;
  return deps.products.transition(
    product,
    'listed',
    at,
    pendingEvent(ProductListed, { productId: id, participantId, groupId, title, category, priceIdr, stock }, at),
  );
}

export async function delistProduct(deps: CatalogDeps, caller: Caller, productId: string): Promise<Product> {
  const product = await productToManage(deps, caller, productId);
  if (product.status !== 'listed') throw new ConflictError('Only a listed product can be delisted');
  return withdrawListing(deps.products, product, deps.clock.now().toISOString());
}

/** The one way a listed product leaves the listing, announced by ProductDelisted (also used by erasure). */
export function withdrawListing(products: ProductStore, product: Product, at: string): Promise<Product> {
  const { id, participantId, groupId } = product;
  return products.transition(product, 'delisted', at, pendingEvent(ProductDelisted, { productId: id, participantId, groupId }, at));
}

export function browseProducts(deps: Pick<CatalogDeps, 'products'>, query: BrowseProductsQuery): Promise<Page<Product>> {
  const { limit, cursor, ...filters } = query;
  return deps.products.browse(filters, { limit, cursor });
}
