/**
 * 政策文件 of a region: the documents that govern it and the standards it owes, and an
 * admin recording a local document (地方文件) with the standards it sets and the documents
 * of its own region it continues. It waits for another admin to confirm it against the paper
 * (四眼); confirming writes the document's standards with it, together or not at all.
 */
import { randomUUID } from 'node:crypto';
import {
  chinaDate,
  isFixedFor,
  owedStandards,
  parameterValueProblem,
  policiesOfRegion,
  policyContracts,
  POLICY_DOCUMENTS,
  RULES,
  standardStep,
  type LocalDocument,
  type ParameterSource,
  type ParameterStep,
  type PolicyView,
  type RegionPolicy,
  type WaitingDocumentView,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Forbidden, Invalid, NotFound, VersionConflict } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { regionOr404 } from '../regions/regionRepository.js';
import type { RecordedDocument, RegionSteps } from './parameterRepository.js';
import { createSubsidyService } from './service.js';

/** The day after an ISO date: where a document's standards stop when it ends. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * A region's steps of one standard once a document sets it: the document's step from its first
 * day (replacing one on the same day) and, when it ends, an end the day after unless a later
 * step already follows.
 */
export function stepsWithDocument(
  existing: readonly ParameterStep[],
  document: LocalDocument,
  value: number | null,
): ParameterStep[] {
  const step = standardStep(document, value);
  const ending =
    document.inForce.until === undefined
      ? undefined
      : { ...standardStep(document, null), from: dayAfter(document.inForce.until) };
  const kept = existing.filter((s) => s.from !== step.from && s.from !== ending?.from);
  const later = kept.some((s) => s.from > step.from);
  return [...kept, step, ...(ending && !later ? [ending] : [])].sort((a, b) => a.from.localeCompare(b.from));
}

export function policyRoutes(ctx: AppContext): AnyRoute[] {
  const subsidies = createSubsidyService(ctx);

  const regionNamed = (code: string) => regionOr404(ctx.regions, code);

  /** Policies as staff see them: with the governing region's name, and what a recorded one set. */
  async function views(
    policies: readonly RegionPolicy[],
    recorded: readonly RecordedDocument[],
    parameters: ParameterSource,
  ): Promise<PolicyView[]> {
    const names = new Map<string, string>();
    await Promise.all(
      [...new Set(policies.map((p) => p.jurisdiction))].map(async (code) => {
        names.set(code, (await ctx.regions.get(code))?.name ?? code);
      }),
    );
    return policies.map((policy) => {
      const record = recorded.find((r) => r.document.documentId === policy.policy);
      return {
        ...policy,
        jurisdictionName: names.get(policy.jurisdiction) ?? policy.jurisdiction,
        sets: labelled(record?.sets ?? [], parameters),
        ...(record ? { recordedBy: record.recordedBy, recordedAt: record.recordedAt } : {}),
        ...(record?.confirmedBy ? { confirmedBy: record.confirmedBy } : {}),
      };
    });
  }

  /** What a document would set, labelled, as the admin who confirms it reads it. */
  function labelled(sets: RecordedDocument['sets'], parameters: ParameterSource) {
    return sets.map(({ key, value }) => {
      const definition = parameters.definitions[key];
      return { key, label: definition?.label ?? key, unit: definition?.unit ?? ('fen' as const), value };
    });
  }

  function waitingView(
    { document, sets, recordedBy, recordedAt }: RecordedDocument,
    parameters: ParameterSource,
  ): WaitingDocumentView {
    return {
      documentId: document.documentId,
      title: document.title,
      issuer: document.issuer,
      ...(document.number ? { number: document.number } : {}),
      date: document.date,
      inForce: document.inForce,
      continues: document.continues,
      sets: labelled(sets, parameters),
      recordedBy,
      recordedAt,
    };
  }

  return [
    implement(policyContracts.list, async ({ params }) => {
      await regionNamed(params.code);
      const [parameters, recorded, localDocuments, waiting] = await Promise.all([
        subsidies.currentParameters(),
        ctx.parameterSteps.documents(),
        ctx.parameterSteps.localDocuments(),
        ctx.parameterSteps.waitingDocuments(),
      ]);
      const today = chinaDate(new Date());
      return {
        today,
        policies: await views(policiesOfRegion(RULES, params.code, localDocuments, today), recorded, parameters),
        owed: owedStandards(RULES, parameters, params.code, localDocuments, today),
        waiting: waiting.filter((w) => w.document.regionCode === params.code).map((w) => waitingView(w, parameters)),
      };
    }),

    implement(policyContracts.record, async ({ principal, params, body }) => {
      await regionNamed(params.code);
      // Only the government that issued a document continues it: Baotou its plan, not a county of it.
      for (const [i, id] of body.continues.entries()) {
        const jurisdiction = POLICY_DOCUMENTS[id].jurisdiction;
        if (jurisdiction !== params.code) {
          throw new Forbidden(
            `文件 ${id}（${POLICY_DOCUMENTS[id].title}）是地区 ${jurisdiction} 的文件，只有发文的地区才能延续执行`,
            'Only the issuing region may continue a document.',
            `body.continues.${i}`,
          );
        }
      }
      const parameters = await subsidies.currentParameters();
      for (const [i, { key, value }] of body.sets.entries()) {
        const definition = parameters.definitions[key];
        if (!definition) throw new Invalid('没有这个标准', 'No parameter with that key.', `body.sets.${i}.key`);
        if (isFixedFor(definition, params.code)) {
          throw new Forbidden(
            `「${definition.label}」是文件规定的标准（${definition.reference.document} ${definition.reference.section}），不能在本地修改`,
            'The documents fix this parameter.',
            `body.sets.${i}.key`,
          );
        }
        const problem = value === null ? undefined : parameterValueProblem(definition.unit, value);
        if (problem) throw new Invalid(problem, `Not a valid ${definition.unit} value.`, `body.sets.${i}.value`);
      }

      const document: LocalDocument = {
        documentId: `ld-${randomUUID()}`,
        regionCode: params.code,
        title: body.title,
        issuer: body.issuer,
        ...(body.number ? { number: body.number } : {}),
        date: body.date,
        inForce: { from: body.from, ...(body.until ? { until: body.until } : {}) },
        continues: body.continues,
        demo: false,
      };
      const recorded = {
        document,
        sets: body.sets,
        recordedBy: principal.userId,
        recordedAt: new Date().toISOString(),
        waiting: true as const,
      };
      await ctx.parameterSteps.record(recorded);
      return { waiting: waitingView(recorded, parameters) };
    }),

    implement(policyContracts.confirm, async ({ principal, params }) => {
      const recorded = await ctx.parameterSteps.document(params.code, params.documentId);
      if (!recorded) throw new NotFound('没有这份记录的文件', 'No such recorded document.', 'params.documentId');
      if (!recorded.waiting) {
        throw new VersionConflict('这份文件已经确认过了', 'The document is in force already.', 'params.documentId');
      }
      if (recorded.recordedBy === principal.userId) {
        throw new Forbidden(
          '文件要由另一位管理员对照原件确认，记录的人不能自己确认',
          'Another admin confirms a recorded document.',
          'params.documentId',
        );
      }
      // Its standards are laid over the region's steps as they are now, each on the version read.
      const { document } = recorded;
      const now = new Date().toISOString();
      const own = (await ctx.parameterSteps.all()).filter((row) => row.regionCode === params.code);
      const steps = recorded.sets.map(({ key, value }) => {
        const read = own.find((row) => row.key === key);
        const row: RegionSteps = {
          regionCode: params.code,
          key,
          steps: stepsWithDocument(read?.steps ?? [], document, value),
          updatedBy: recorded.recordedBy,
          updatedAt: now,
          version: (read?.version ?? 0) + 1,
          confirmedBy: principal.userId,
        };
        return { row, versionRead: read?.version };
      });
      const confirmed = await ctx.parameterSteps.confirmDocument(recorded, principal.userId, steps);
      const [policy] = await views(
        policiesOfRegion(RULES, params.code, [document], chinaDate(new Date())).filter((p) => p.policy === document.documentId),
        [confirmed],
        await subsidies.currentParameters(),
      );
      return { policy: policy! };
    }),
  ];
}
