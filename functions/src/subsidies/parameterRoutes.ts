import { z } from 'zod';
import {
  chinaDate,
  MissingParameterError,
  parameterValueProblem,
  readParameter,
  regionCodeSchema,
  type ParameterStep,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Forbidden, Invalid, notFound } from '../errors.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { STAFF } from '../registry/access.js';
import { createSubsidyService } from './service.js';

const stepSchema = z.strictObject({
  from: z.iso.date(),
  /** `null` ends the parameter in this region from that date. */
  value: z.number().min(0, '标准不能是负数').max(100_000_000).nullable(),
});

const readingSchema = z.union([
  z.object({
    status: z.literal('value'),
    value: z.number(),
    from: z.string(),
    until: z.string().optional(),
    setIn: z.string(),
    example: z.boolean(),
  }),
  z.object({ status: z.literal('ended'), since: z.string(), setIn: z.string() }),
  z.object({ status: z.literal('missing') }),
]);

const parameterViewSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  reference: z.object({ document: z.string(), section: z.string() }),
  /** True where the documents fix the number: nobody in a region may change it. */
  fixedByPolicy: z.boolean(),
  /** What holds today in this region, and where it was set. */
  today: readingSchema,
  /** The steps this region set itself (editable), with their version. */
  own: z.object({ steps: z.array(stepSchema), version: z.number(), updatedBy: z.string(), updatedAt: z.string() }).optional(),
});

export function parameterRoutes(ctx: AppContext): AnyRoute[] {
  const subsidies = createSubsidyService(ctx);

  async function region(code: string) {
    const found = await ctx.regions.get(code);
    if (!found) throw notFound('没有这个地区', 'No region with that code.');
    return found;
  }

  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/regions/:code/parameters',
      summary: 'Staff: the subsidy standards in force in a region today, where each was set, and its document',
      tag: 'subsidies',
      access: STAFF,
      scope: { kind: 'region', field: 'params.code', region: ({ params }) => params.code },
      params: z.object({ code: regionCodeSchema }),
      response: z.object({ parameters: z.array(parameterViewSchema) }),
      handler: async ({ params }) => {
        await region(params.code);
        const parameters = await subsidies.currentParameters();
        const own = (await ctx.parameterSteps.all()).filter((row) => row.regionCode === params.code);
        const today = chinaDate(new Date());
        return {
          parameters: Object.values(parameters.definitions).map((definition) => {
            let reading: z.infer<typeof readingSchema>;
            try {
              const r = readParameter(parameters.definitions, parameters.table, definition.key, params.code, today);
              reading =
                r.status === 'ended'
                  ? { status: 'ended', since: r.since, setIn: r.setIn }
                  : {
                      status: 'value',
                      value: r.value,
                      from: r.from,
                      ...(r.until ? { until: r.until } : {}),
                      setIn: r.setIn,
                      example: r.example,
                    };
            } catch (error) {
              if (!(error instanceof MissingParameterError)) throw error;
              reading = { status: 'missing' };
            }
            const mine = own.find((row) => row.key === definition.key);
            return {
              key: definition.key,
              label: definition.label,
              unit: definition.unit,
              reference: definition.reference,
              fixedByPolicy: definition.fixedByPolicy,
              today: reading,
              ...(mine
                ? { own: { steps: mine.steps, version: mine.version, updatedBy: mine.updatedBy, updatedAt: mine.updatedAt } }
                : {}),
            };
          }),
        };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/api/v1/regions/:code/parameters/:key',
      summary: 'Admin of the region: set its own dated steps of a standard the documents leave to local governments',
      tag: 'subsidies',
      access: ['admin'],
      scope: { kind: 'region', field: 'params.code', region: ({ params }) => params.code },
      params: z.object({ code: regionCodeSchema, key: z.string().regex(/^[A-Za-z]{1,60}$/, '不是标准的名称') }),
      body: z
        .strictObject({
          /** The version of this region's steps read; absent when the region has none yet. */
          version: z.number().int().min(1).optional(),
          steps: z.array(stepSchema).min(1).max(20),
        })
        .refine((body) => body.steps.every((step, i) => i === 0 || step.from > body.steps[i - 1]!.from), {
          path: ['steps'],
          message: '各段的开始日期应从早到晚排列，且不能重复',
        }),
      response: z.object({ steps: z.array(stepSchema), version: z.number() }),
      handler: async ({ principal, params, body }) => {
        await region(params.code);
        const definition = (await subsidies.currentParameters()).definitions[params.key];
        if (!definition) throw new Invalid('没有这个标准', 'No parameter with that key.', 'params.key');
        if (definition.fixedByPolicy) {
          throw new Forbidden(
            `「${definition.label}」是文件规定的标准（${definition.reference.document} ${definition.reference.section}），不能在本地修改`,
            'The documents fix this parameter.',
            'params.key',
          );
        }
        // A half fen or half a month would be stored, then break every claim made from it.
        for (const [i, step] of body.steps.entries()) {
          const problem = step.value === null ? undefined : parameterValueProblem(definition.unit, step.value);
          if (problem) {
            throw new Invalid(problem, `Not a valid ${definition.unit} value.`, `body.steps.${i}.value`);
          }
        }
        const steps: ParameterStep[] = body.steps.map((s) => ({ from: s.from, value: s.value }));
        const row = await ctx.parameterSteps.put(params.code, params.key, steps, principal.userId, body.version);
        return { steps: row.steps, version: row.version };
      },
    }),
  ];
}
