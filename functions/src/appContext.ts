import type { TokenService } from './auth/tokens.js';
import type { WeChatClient } from './auth/wechat.js';
import type { TableRef } from './db/versioned.js';
import type { Gate } from './gate.js';
import type { RateLimiter } from './http/rateLimit.js';
import type { AuditRepository } from './registry/audit.js';
import type { IdVault } from './registry/idVault.js';
import type { EmploymentRepository } from './registry/employmentRepository.js';
import type { FigureRepository } from './monitoring/figureRepository.js';
import type { TargetRepository } from './monitoring/targetRepository.js';
import type { ReliefProjectRepository } from './reliefWork/projectRepository.js';
import type { AttendanceRepository } from './welfarePosts/attendanceRepository.js';
import type { WelfarePostRepository } from './welfarePosts/postRepository.js';
import type { TaskRepository } from './monitoring/taskRepository.js';
import type { ServicePointRepository } from './servicePoints/pointRepository.js';
import type { Importer } from './registry/import/importer.js';
import type { ReportRepository } from './registry/reportRepository.js';
import type { WorkerRepository } from './registry/workerRepository.js';
import type { RegionRepository } from './regions/regionRepository.js';
import type { UserRepository } from './users/userRepository.js';
import type { ApplicationRepository } from './positions/applicationRepository.js';
import type { EmployerRepository } from './positions/employerRepository.js';
import type { PositionRepository } from './positions/positionRepository.js';
import type { ClaimRepository } from './subsidies/claimRepository.js';
import type { ParameterRepository } from './subsidies/parameterRepository.js';
import type { PaymentRepository } from './subsidies/paymentRepository.js';
import type { MatchRepository } from './matching/matchRepository.js';
import type { AlertRepository } from './alerts/alertRepository.js';
import type { RunRepository } from './monthlyRuns/runRepository.js';
import type { SubscribeMessageSender } from './matching/subscribeMessage.js';
import type { TextTemplate } from '@bangfu/shared';
import type { CodeRepository } from './codes/codeRepository.js';
import type { CodeSigner } from './codes/codeSigner.js';
import type { EventRepository } from './codes/eventRepository.js';
import type { FamilyActRepository } from './family/actRepository.js';
import type { LinkRepository } from './family/linkRepository.js';

/** What every route module is given: the table, the repositories and the outside services. */
export interface AppContext {
  table: TableRef;
  /** This process's load-shedding gate (http/admission.ts). */
  admission: Gate;
  users: UserRepository;
  regions: RegionRepository;
  /** Seals, opens and hashes ID numbers. */
  idVault: IdVault;
  /** The real-name registry (实名制台账). */
  workers: WorkerRepository;
  employment: EmploymentRepository;
  /** Who read or changed whose personal data, and why. */
  audit: AuditRepository;
  reports: ReportRepository;
  importer: Importer;
  employers: EmployerRepository;
  /** Positions on the job map (求职岗位地图). */
  positions: PositionRepository;
  applications: ApplicationRepository;
  /** Subsidy claims (申领), one per beneficiary, subsidy and period. */
  claims: ClaimRepository;
  /** Regions' own dated steps of the policy parameters. */
  parameterSteps: ParameterRepository;
  /** Payout accounts and payment batches. */
  payments: PaymentRepository;
  /** Pushes (为你推荐), dismissals and the "311" services. */
  matches: MatchRepository;
  /** 岗位订阅: workers' saved searches, filed by geohash cell, and their inboxes. */
  alerts: AlertRepository;
  /** The monthly runs (the job push, 免申即享): plans and their shards' figures. */
  runs: RunRepository;
  /** 就业帮扶码: code versions, scans, consent requests and consents. */
  codes: CodeRepository;
  /** Signs and reads codes with the code keyring (rotatable apart from session tokens). */
  codeSigner: CodeSigner;
  /** 招聘会 and who checked in. */
  events: EventRepository;
  /** The regions' monthly figures (务工规模, 务工收入), kept from the stream of month records. */
  figures: FigureRepository;
  /** 乡村公益性岗位 and the people on them. */
  welfarePosts: WelfarePostRepository;
  /** 在岗领补: the posts' monthly attendance lines and the clearings of their integrity flags. */
  attendance: AttendanceRepository;
  /** 以工代赈 projects, their rosters and wage sheets. */
  reliefProjects: ReliefProjectRepository;
  /** 就业服务网点 on the job map (零工驿站, village points, township stations, the county bureau). */
  servicePoints: ServicePointRepository;
  /** The counties' yearly task targets (乡镇任务表). */
  targets: TargetRepository;
  /** Warnings' tasks for the officers who must act (预警任务). */
  tasks: TaskRepository;
  /** 亲情服务: invitations, links between a worker and their family members, and who may act as whom. */
  familyLinks: LinkRepository;
  /** 亲情服务: what family members did in a worker's name. */
  familyActs: FamilyActRepository;
  /** The product's address in codes' URLs (WeChat's 扫普通链接二维码 rule); unset: the address each request came to. */
  codeBaseUrl?: string;
  tokens: TokenService;
  /** Budgets of attempts: per client in memory, and the DynamoDB counters of guessing and money routes. */
  limiter: RateLimiter;
  wechat: WeChatClient;
  /** WeChat subscribe messages (the job push's and saved searches' notices). */
  subscribeMessages: SubscribeMessageSender;
  /** 短信提醒 sent here, by the function on the table's stream: the provider's template id of each. */
  textTemplates: Partial<Record<TextTemplate, string>>;
  /** Only the local runner turns this on; the Lambda build never does. */
  devLogin: boolean;
}
