/**
 * A position's lifecycle apart from HTTP: opened (not when staff took it down, nor full, nor
 * past its last day), closed, taken down by staff with a reason, and a hire confirmed — the
 * filled count, the worker's month and the "311" success recorded together.
 */
import { type Application, chinaDate, hireEmployment, type Position } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict, Invalid } from '../errors.js';
import { workerNotFound } from '../registry/workerRepository.js';
import { applicationNotFound } from './applicationRepository.js';
import type { PositionRecord } from './positionRepository.js';

function withStatus(record: PositionRecord, status: Position['status']): PositionRecord {
  return { ...record, position: { ...record.position, status } };
}

/** Open a draft or closed position on the version read; an open one stays as it is. */
export async function publishPosition(
  deps: Pick<AppContext, 'positions'>,
  record: PositionRecord,
  version: number,
  today = chinaDate(new Date()),
): Promise<Position> {
  const { position } = record;
  if (position.takenDown) {
    throw new Conflict('这个岗位被工作人员下架了，请联系乡镇就业服务站', 'Staff took this position down.');
  }
  if (position.status === 'open') return position;
  if (position.status === 'filled') throw new Conflict('岗位已招满；要多招人请先增加招聘人数', 'The position is filled.');
  if (position.validUntil < today) {
    throw new Invalid('截止日期已经过了，请先修改截止日期', 'validUntil is in the past.', 'body.validUntil');
  }
  return deps.positions.save(withStatus(record, 'open'), version);
}

/** Stop recruiting on the version read; a closed or filled position stays as it is. */
export async function closePosition(
  deps: Pick<AppContext, 'positions'>,
  record: PositionRecord,
  version: number,
): Promise<Position> {
  if (record.position.status === 'closed' || record.position.status === 'filled') return record.position;
  return deps.positions.save(withStatus(record, 'closed'), version);
}

/** Staff take a position down (下架): closed, with who, when and why recorded. */
export async function takeDownPosition(
  deps: Pick<AppContext, 'positions'>,
  record: PositionRecord,
  version: number,
  takenDown: { by: string; reason: string; at?: Date },
): Promise<Position> {
  const { by, reason, at = new Date() } = takenDown;
  const position: Position = { ...record.position, status: 'closed', takenDown: { by, at: at.toISOString(), reason } };
  return deps.positions.save({ ...record, position }, version);
}

/** A worker's application for a position; 404 when they have not applied. */
export async function applicationOf(
  deps: Pick<AppContext, 'applications'>,
  positionId: string,
  workerId: string,
): Promise<Application> {
  const application = await deps.applications.get(positionId, workerId);
  if (!application) throw applicationNotFound();
  return application;
}

/**
 * Confirm a hire: the application hired and the worker's month recorded as employed (the
 * agreed income, else the bottom of the pay), the position marked filled once full, and the
 * recommendation that led here counted as a success. Piece work needs the agreed income.
 */
export async function confirmHire(
  deps: Pick<AppContext, 'applications' | 'matches' | 'positions' | 'workers'>,
  position: Position,
  workerId: string,
  by: string,
  agreedMonthlyIncomeFen?: number,
): Promise<{ application: Application; position: Position }> {
  const application = await applicationOf(deps, position.positionId, workerId);
  const worker = await deps.workers.getItem(application.workerId);
  if (!worker) throw workerNotFound();
  const employment = hireEmployment(position, worker.villageCode, agreedMonthlyIncomeFen);
  if (!employment) {
    throw new Invalid('计件岗位请填写谈好的月收入', 'Piece-rate work needs the agreed monthly income.', 'body.monthlyIncomeFen');
  }
  const hired = await deps.applications.hire(application, position.location, worker, employment, by);
  await deps.positions.markFilledIfFull(position.positionId);
  await deps.matches.followedByHire(application.workerId, position.positionId);
  const after = await deps.positions.get(position.positionId);
  return { application: hired.application, position: after!.position };
}
