import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Router } from 'express';
import type { AppContext } from '../appContext.js';
import { keys } from '../db/tableSchema.js';
import { sendJson } from '../http/sendJson.js';

/** GET /api/health: 200 {status:'ok', db:'ok'} when the table answers, else 503. Never cached (no-store, as all of /api). */
export function mountHealth(router: Router, ctx: AppContext): void {
  router.get('/api/health', async (_req, res) => {
    try {
      await ctx.table.db.send(new GetCommand({ TableName: ctx.table.tableName, Key: keys.healthProbe() }));
      sendJson(res, 200, { status: 'ok', db: 'ok' });
    } catch {
      sendJson(res, 503, { status: 'unavailable', db: 'unavailable' });
    }
  });
}
