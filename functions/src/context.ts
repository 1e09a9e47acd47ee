import type { AppContext } from './appContext.js';
import { createTokenService } from './auth/tokens.js';
import { createWeChatClient } from './auth/wechat.js';
import type { Config } from './config.js';
import { tableOf } from './db/client.js';
import { createGate } from './gate.js';
import { createRateLimiter } from './http/rateLimit.js';
import { createIdVault } from './registry/idVault.js';
import { createEmploymentRepository } from './registry/employmentRepository.js';
import { createImporter } from './registry/import/importer.js';
import { createReportRepository } from './registry/reportRepository.js';
import { createWorkerRepository } from './registry/workerRepository.js';
import { createAuditRepository } from './registry/audit.js';
import { createRegionRepository } from './regions/regionRepository.js';
import { dataKeyProvider, type AppSecrets } from './secrets.js';
import { createUserRepository } from './users/userRepository.js';
import { createApplicationRepository } from './positions/applicationRepository.js';
import { createEmployerRepository } from './positions/employerRepository.js';
import { createPositionRepository } from './positions/positionRepository.js';
import { createClaimRepository } from './subsidies/claimRepository.js';
import { createParameterRepository } from './subsidies/parameterRepository.js';
import { createPaymentRepository } from './subsidies/paymentRepository.js';
import { createMatchRepository } from './matching/matchRepository.js';
import { createAlertRepository } from './alerts/alertRepository.js';
import { createRunRepository } from './monthlyRuns/runRepository.js';
import { createSubscribeMessageSender } from './matching/subscribeMessage.js';
import { textTemplateIds } from './notices/textTemplates.js';
import { createCodeRepository } from './codes/codeRepository.js';
import { createCodeSigner, derivedKeyring } from './codes/codeSigner.js';
import { createEventRepository } from './codes/eventRepository.js';
import { createFigureRepository } from './monitoring/figureRepository.js';
import { createTargetRepository } from './monitoring/targetRepository.js';
import { createReliefProjectRepository } from './reliefWork/projectRepository.js';
import { createAttendanceRepository } from './welfarePosts/attendanceRepository.js';
import { createWelfarePostRepository } from './welfarePosts/postRepository.js';
import { createTaskRepository } from './monitoring/taskRepository.js';
import { createServicePointRepository } from './servicePoints/pointRepository.js';
import { createFamilyActRepository } from './family/actRepository.js';
import { createLinkRepository } from './family/linkRepository.js';

/** Wires the repositories and clients from configuration; used by Lambda, the local runner and tests. */
export function createAppContext(
  config: Config,
  secrets: AppSecrets,
  /** `now`: the budgets' clock (tests move it on rather than wait out a lockout). */
  options: { devLogin: boolean; now?: () => number },
): AppContext {
  const table = tableOf(config);
  const idVault = createIdVault(dataKeyProvider(config), secrets.idHashKey);
  const regions = createRegionRepository(table);
  const employment = createEmploymentRepository(table);
  return {
    table,
    admission: createGate({ limit: config.API_CONCURRENCY, maxWaiting: config.API_QUEUE, maxWaitMs: config.API_QUEUE_WAIT_MS }),
    users: createUserRepository(table),
    regions,
    idVault,
    workers: createWorkerRepository(table, idVault),
    audit: createAuditRepository(table),
    employment,
    reports: createReportRepository(table),
    importer: createImporter(table, idVault, regions),
    employers: createEmployerRepository(table),
    positions: createPositionRepository(table),
    applications: createApplicationRepository(table, employment),
    claims: createClaimRepository(table),
    parameterSteps: createParameterRepository(table),
    payments: createPaymentRepository(table, idVault),
    matches: createMatchRepository(table),
    alerts: createAlertRepository(table),
    runs: createRunRepository(table),
    limiter: createRateLimiter(table, {
      ...(options.now ? { now: options.now } : {}),
      client: { perSecond: config.CLIENT_RATE_PER_SECOND, burst: config.CLIENT_BURST },
    }),
    codes: createCodeRepository(table),
    events: createEventRepository(table),
    figures: createFigureRepository(table),
    targets: createTargetRepository(table),
    welfarePosts: createWelfarePostRepository(table, employment),
    attendance: createAttendanceRepository(table),
    reliefProjects: createReliefProjectRepository(table),
    servicePoints: createServicePointRepository(table),
    tasks: createTaskRepository(table),
    familyLinks: createLinkRepository(table),
    familyActs: createFamilyActRepository(table),
    codeSigner: createCodeSigner(secrets.codeKeyring ?? derivedKeyring(secrets.tokenSigningKey)),
    ...(config.CODE_BASE_URL ? { codeBaseUrl: config.CODE_BASE_URL } : {}),
    tokens: createTokenService(secrets.tokenSigningKey, {
      seconds: config.TOKEN_TTL_SECONDS,
      staffSeconds: config.STAFF_TOKEN_TTL_SECONDS,
    }),
    wechat: createWeChatClient({
      apiBase: config.WECHAT_API_BASE,
      appId: config.WECHAT_APPID,
      appSecret: secrets.wechatAppSecret,
    }),
    subscribeMessages: createSubscribeMessageSender({
      apiBase: config.WECHAT_API_BASE,
      appId: config.WECHAT_APPID,
      appSecret: secrets.wechatAppSecret,
      templateId: config.WECHAT_PUSH_TEMPLATE_ID,
      alertTemplateId: config.WECHAT_ALERT_TEMPLATE_ID,
      cardTemplateId: config.WECHAT_CARD_TEMPLATE_ID,
    }),
    textTemplates: textTemplateIds(config),
    devLogin: options.devLogin,
  };
}
