import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FieldService } from './field.service.ts';

export const fieldRoutes: FastifyPluginAsyncTypebox<{ field: FieldService }> = async () => {};
