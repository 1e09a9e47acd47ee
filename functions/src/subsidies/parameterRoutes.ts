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
import type { StepsProposal } from './parameterRepository.js';
import { createSubsidyService } from './service.js';

const proposalView = ({ steps, proposedBy, proposedAt }: StepsProposal) => ({ steps, proposedBy, proposedAt });

export function parameterRoutes(ctx: AppContext): AnyRoute[] {
  const subsidies = createSubsidyService(ctx);

  const region = (code: string) => regionOr404(ctx.regions, code);

  return [
    implement(parameterContracts.list, async ({ params }) => {
      await region(params.code);
      const [parameters, rows, localDocuments, proposals] = await Promise.all([
        subsidies.currentParameters(),
        ctx.parameterSteps.all(),
        ctx.parameterSteps.localDocuments(),
        ctx.parameterSteps.proposals(),
      ]);
      const own = rows.filter((row) => row.regionCode === params.code);
      const waiting = proposals.filter((proposal) => proposal.regionCode === params.code);
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
          const proposal = waiting.find((p) => p.key === definition.key);
          return {
            key: definition.key,
            label: definition.label,
            unit: definition.unit,
            reference: definition.reference,
            fixedByPolicy: isFixedFor(definition, params.code),
            today: reading,
            ...(mine
              ? {
                  own: {
                    steps: mine.steps,
                    version: mine.version,
                    updatedBy: mine.updatedBy,
                    updatedAt: mine.updatedAt,
                    ...(mine.confirmedBy ? { confirmedBy: mine.confirmedBy } : {}),
                  },
                }
              : {}),
            ...(proposal ? { proposal: proposalView(proposal) } : {}),
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
      // 四眼: one admin alone never changes what every claim of the region is paid; another confirms it.
      const proposal: StepsProposal = {
        regionCode: params.code,
        key: params.key,
        steps,
        basedOn: body.version,
        proposedBy: principal.userId,
        proposedAt: new Date().toISOString(),
      };
      await ctx.parameterSteps.propose(proposal, body.replaces);
      return { proposal: proposalView(proposal) };
    }),

    implement(parameterContracts.confirmSteps, async ({ principal, params, body }) => {
      await region(params.code);
      const row = await ctx.parameterSteps.confirm(params.code, params.key, body.proposedAt, principal.userId);
      return { steps: row.steps, version: row.version };
    }),
  ];
}
