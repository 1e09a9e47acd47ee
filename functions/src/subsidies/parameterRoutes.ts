import type * as z from 'zod';
import {
  authoritiesFor,
  chinaDate,
  grantedBy,
  isFixedFor,
  RULES,
  MissingParameterError,
  parameterContracts,
  type parameterReadingSchema,
  parameterValueProblem,
  readParameter,
  type ParameterStep,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Forbidden, Invalid } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { regionOr404 } from '../regions/regionRepository.js';
import { createSubsidyService } from './service.js';

export function parameterRoutes(ctx: AppContext): AnyRoute[] {
  const subsidies = createSubsidyService(ctx);

  const region = (code: string) => regionOr404(ctx.regions, code);

  return [
    implement(parameterContracts.list, async ({ params }) => {
      await region(params.code);
      const [parameters, rows, localDocuments] = await Promise.all([
        subsidies.currentParameters(),
        ctx.parameterSteps.all(),
        ctx.parameterSteps.localDocuments(),
      ]);
      const own = rows.filter((row) => row.regionCode === params.code);
      const today = chinaDate(new Date());
      const authorities = authoritiesFor(params.code, today, localDocuments);
      // The standards of what is granted here today, those the region set itself, and those outside the rules.
      const granted = new Set(
        RULES.filter((rule) => grantedBy(rule, authorities)).flatMap((rule) => Object.keys(rule.parameters)),
      );
      const ofRules = new Set(RULES.flatMap((rule) => Object.keys(rule.parameters)));
      const shown = Object.values(parameters.definitions).filter(
        ({ key }) => granted.has(key) || !ofRules.has(key) || own.some((row) => row.key === key),
      );
      const holds = (policy: string) => authorities.cited.has(policy);
      return {
        parameters: shown.map((definition) => {
          let reading: z.infer<typeof parameterReadingSchema>;
          try {
            const r = readParameter(parameters.definitions, parameters.table, definition.key, params.code, today, holds);
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
            fixedByPolicy: isFixedFor(definition, params.code),
            today: reading,
            ...(mine
              ? { own: { steps: mine.steps, version: mine.version, updatedBy: mine.updatedBy, updatedAt: mine.updatedAt } }
              : {}),
          };
        }),
      };
    }),

    implement(parameterContracts.setSteps, async ({ principal, params, body }) => {
      await region(params.code);
      const definition = (await subsidies.currentParameters()).definitions[params.key];
      if (!definition) throw new Invalid('没有这个标准', 'No parameter with that key.', 'params.key');
      if (isFixedFor(definition, params.code)) {
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
      // A step kept as it was keeps the document that set it; a changed or new one is the admin's own.
      const existing = (await ctx.parameterSteps.all()).find((r) => r.regionCode === params.code && r.key === params.key);
      const steps: ParameterStep[] = body.steps.map(
        (s) => existing?.steps.find((e) => e.from === s.from && e.value === s.value) ?? { from: s.from, value: s.value },
      );
      const row = await ctx.parameterSteps.put(params.code, params.key, steps, principal.userId, body.version);
      return { steps: row.steps, version: row.version };
    }),
  ];
}
