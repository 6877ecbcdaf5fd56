import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CatalogService } from './catalog.service.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { dealersRoutes } from './dealers.routes.ts';
import { productsRoutes } from './products.routes.ts';
import { regionsRoutes } from './regions.routes.ts';

export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, opts) => {
  await app.register(regionsRoutes, opts);
  await app.register(calendarRoutes, opts);
  await app.register(productsRoutes, opts);
  await app.register(dealersRoutes, opts);
};
