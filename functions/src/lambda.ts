/**
 * The API Lambda: the same Express app, wrapped by serverless-http. Dev login is
 * never enabled here, whatever the environment says. Secrets are read once per
 * cold start.
 */
import serverless from 'serverless-http';
import { createApp } from './app.js';
import { loadAppSecrets } from './secrets.js';
import { readConfig } from './config.js';
import { createAppContext } from './context.js';
import { createLogger } from './logger.js';

const config = readConfig();
const logger = createLogger(config);

const ready = loadAppSecrets(config).then((secrets) =>
  serverless(createApp(createAppContext(config, secrets, { devLogin: false }), { logger, bodyLimit: config.BODY_LIMIT })),
);

export const handler = async (event: object, context: object) => (await ready)(event, context);
