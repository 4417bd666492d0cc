import { scheduleHandler } from '#shared/kernel/consumers/schedule-handler';
import { reduceBuyerData } from '#shared/orders/buyer-data';
import { ordersBuyerDataDeps } from '#shared/orders/buyer-data-deps';
import declaration from './function.ts';

export const buildHandler = (deps = ordersBuyerDataDeps()) => scheduleHandler(declaration, async () => void (await reduceBuyerData(deps)));

export const handler = buildHandler();
