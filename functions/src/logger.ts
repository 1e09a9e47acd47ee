import { Logger } from '@aws-lambda-powertools/logger';
import type { Config } from './config.js';

/** JSON logs (Powertools): one line per request, errors with their stack. */
export const createLogger = (config: Config) => new Logger({ serviceName: 'bangfu-api', logLevel: config.LOG_LEVEL });
