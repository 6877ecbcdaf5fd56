import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CustomersService } from './customers.service.ts';

export const customersRoutes: FastifyPluginAsyncTypebox<{ customers: CustomersService }> = async () => {};
