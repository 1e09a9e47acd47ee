/**
 * The one HTTP app. Lambda wraps it with serverless-http (lambda.ts); the local
 * runner serves it with node:http (local/start.ts). Both build it here.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import express, { type Express } from 'express';
import { CODE_PATH_PREFIX, tokenOfScan } from '@bangfu/shared';
import helmet from 'helmet';
import type { AppContext } from './appContext.js';
import { scopeResolver } from './auth/objects.js';
import { authRoutes } from './auth/routes.js';
import { bearerAuthenticator } from './auth/tokens.js';
import { mountHealth } from './health/routes.js';
import { NotFound } from './errors.js';
import { meterOf } from './db/capacityMeter.js';
import { admission } from './http/admission.js';
import { errorHandler } from './http/errorHandler.js';
import { jsonBody } from './http/jsonBody.js';
import { openApiDocument } from './http/openapi.js';
import { requestContext } from './http/requestContext.js';
import { sendJson } from './http/sendJson.js';
import { inlineScriptHashes } from './http/staticCsp.js';
import { mountRoutes, type AnyRoute } from './http/route.js';
import { matchingRoutes } from './matching/routes.js';
import { alertRoutes } from './alerts/routes.js';
import { codeRoutes } from './codes/routes.js';
import { eventRoutes } from './codes/eventRoutes.js';
import { monitoringRoutes } from './monitoring/routes.js';
import { difficultyRoutes } from './monitoring/difficultyRoutes.js';
import { taskTableRoutes } from './monitoring/taskTableRoutes.js';
import { reliefWorkRoutes } from './reliefWork/routes.js';
import { servicePointRoutes } from './servicePoints/routes.js';
import { attendanceRoutes } from './welfarePosts/attendanceRoutes.js';
import { welfarePostRoutes } from './welfarePosts/routes.js';
import { applicationRoutes } from './positions/applicationRoutes.js';
import { employerRoutes } from './positions/employerRoutes.js';
import { positionRoutes } from './positions/positionRoutes.js';
import { regionRoutes } from './regions/routes.js';
import { parameterRoutes } from './subsidies/parameterRoutes.js';
import { policyRoutes } from './subsidies/policyRoutes.js';
import { paymentRoutes } from './subsidies/paymentRoutes.js';
import { subsidyRoutes } from './subsidies/routes.js';
import { employmentRoutes } from './registry/employmentRoutes.js';
import { importRoutes } from './registry/import/routes.js';
import { reportRoutes } from './registry/reportRoutes.js';
import { registryRoutes } from './registry/routes.js';
import { circumstanceRoutes } from './registry/circumstanceRoutes.js';
import { userRoutes } from './users/routes.js';
import { familyRoutes } from './family/routes.js';

export interface AppOptions {
  logger: Logger;
  bodyLimit: string;
  /** Local runner: serve the H5 build of the mini-program at /. */
  staticDir?: string;
}

export function allRoutes(ctx: AppContext): AnyRoute[] {
  return [
    ...authRoutes(ctx),
    ...userRoutes(ctx),
    ...regionRoutes(ctx),
    ...registryRoutes(ctx),
    ...circumstanceRoutes(ctx),
    ...employmentRoutes(ctx),
    ...reportRoutes(ctx),
    ...importRoutes(ctx),
    ...employerRoutes(ctx),
    ...positionRoutes(ctx),
    ...applicationRoutes(ctx),
    ...matchingRoutes(ctx),
    ...alertRoutes(ctx),
    ...subsidyRoutes(ctx),
    ...parameterRoutes(ctx),
    ...policyRoutes(ctx),
    ...paymentRoutes(ctx),
    ...codeRoutes(ctx),
    ...eventRoutes(ctx),
    ...monitoringRoutes(ctx),
    ...difficultyRoutes(ctx),
    ...taskTableRoutes(ctx),
    ...welfarePostRoutes(ctx),
    ...attendanceRoutes(ctx),
    ...reliefWorkRoutes(ctx),
    ...servicePointRoutes(ctx),
    ...familyRoutes(ctx),
  ];
}

export function createApp(ctx: AppContext, options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // The client address is the socket's peer: on Lambda, serverless-http sets it to API Gateway's
  // sourceIp; X-Forwarded-For's first entry is whatever the client wrote (http/rateLimit.ts).
  app.set('trust proxy', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The H5 build inlines small styles; map tiles may come from any HTTPS tile server.
          'script-src': ["'self'", ...(options.staticDir ? inlineScriptHashes(options.staticDir) : [])],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:', 'https:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  // Answers hold people's records and sessions: no browser, WebView or proxy keeps one, and none
  // is revalidated, so no ETag (a SHA-1 of every body) is worth making.
  app.set('etag', false);
  app.use('/api', (_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });
  app.use(requestContext(options.logger, meterOf(ctx.table.db)));
  app.use('/api', ctx.limiter.clientThrottle); // before the body is read: a flood costs little
  app.use('/api', admission(ctx.admission)); // after the throttle: one client's flood takes no place in the queue
  app.use('/api', jsonBody(options.bodyLimit));

  const routes = allRoutes(ctx);
  const api = express.Router();
  mountHealth(api, ctx);
  api.get('/api/openapi.json', (_req, res) => {
    sendJson(res, 200, openApiDocument(routes));
  });
  mountRoutes(
    api,
    routes,
    bearerAuthenticator(ctx.tokens, ctx.users, ctx.familyLinks.actingProxy),
    scopeResolver(ctx),
    ctx.limiter,
  );
  api.use('/api', () => {
    throw new NotFound('没有这个接口', 'No such API route.');
  });
  app.use(api);

  if (options.staticDir) {
    // A code's URL opened in a browser (the H5 build): the page that opens codes, with the token.
    app.get(`${CODE_PATH_PREFIX}:token`, (req, res) => {
      const token = tokenOfScan(req.params.token);
      res.redirect(302, token ? `/#/codes/pages/open/index?t=${token}` : '/');
    });
    app.use(express.static(options.staticDir, { index: 'index.html', maxAge: '1h' }));
  }
  app.use(errorHandler(options.logger));
  return app;
}
