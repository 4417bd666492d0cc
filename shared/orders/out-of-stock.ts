import { ConflictError } from '#shared/kernel/errors';

/** A 409 like any conflict, but its own type: operators count the placements refused for stock apart from other conflicts. */
export class OutOfStockError extends ConflictError {
  constructor(productId: string, left: number) {
    super(`Not enough stock of ${productId}: ${left} left`);
  }
}
