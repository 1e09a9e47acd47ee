/** The OpenAPI 3.1 document, generated from the same contracts (shared/src/api) that validate requests. */
import * as z from 'zod';
import { apiErrorBodySchema } from '@bangfu/shared';
import type { AnyContract } from '@bangfu/shared';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });

function parameters(schema: z.ZodType | undefined, location: 'query' | 'path') {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    in: location,
    required: location === 'path' || !field.safeParse(undefined).success,
    schema: toSchema(field, 'input'),
  }));
}

export function openApiDocument(routes: readonly AnyContract[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = {
    description: 'Error',
    content: { 'application/json': { schema: toSchema(apiErrorBodySchema, 'output') } },
  };
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public' ? { security: [] } : { 'x-roles': route.access }),
      // 亲情服务: open to a family member acting for the worker ('read' or 'act'); absent, refused to them.
      ...(route.proxy ? { 'x-proxy': route.proxy } : {}),
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } }
        : {}),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'OK',
          content: route.raw
            ? { [route.raw]: { schema: { type: 'string', format: 'binary' } } }
            : { 'application/json': { schema: toSchema(route.response, 'output') } },
        },
        default: errorResponse,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bangfu 帮扶就业 API',
      version: '0.1.0',
      description: 'Coordinates are GCJ-02; money is integer fen; dates are ISO 8601 strings.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
