/**
 * The API Lambda: the same Express app, wrapped by serverless-http. Dev login is
 * never enabled here, whatever the environment says. Secrets are read and the app is
 * built once per cold start, during Lambda's init (top-level await), not in the first request.
 */
import serverless from 'serverless-http';
import { createApp } from './app.js';
import { loadAppSecrets } from './secrets.js';
import { readConfig } from './config.js';
import { createAppContext } from './context.js';
import { createLogger } from './logger.js';

const config = readConfig();
const logger = createLogger(config);

const secrets = await loadAppSecrets(config);
const app = serverless(
  createApp(createAppContext(config, secrets, { devLogin: false }), { logger, bodyLimit: config.BODY_LIMIT }),
);

export const handler = (event: object, context: object) => app(event, context);
