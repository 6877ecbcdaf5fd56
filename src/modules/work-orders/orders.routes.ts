import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { OrdersService } from './orders.service.ts';

export const ordersRoutes: FastifyPluginAsyncTypebox<{ orders: OrdersService }> = async () => {};
