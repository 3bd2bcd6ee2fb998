/**
 * The one dispatcher both transports call. It parses untrusted input with the contract's schema,
 * runs the handler with a context (file, clock, operator) and returns the wire envelope. The
 * handler table is typed from the contract: a missing or misspelt handler does not compile.
 */
import type { z } from 'zod';
import { packageDestinations } from './package/destinations';
import { runPackageJob } from './jobs/package-job';
import { countyList, countyOverview, countyStats, exportCounty, saveTownships } from './services/county';
import { reportPackageOptions } from './services/report-package';
import { contract, isMethod, type Input, type Method, type Output, type ParsedInput } from '../shared/contract';
import type { MethodDef } from '../shared/contract/define';
import type { Clock } from '../shared/dates';
import { LedgerError, type Envelope, type FieldErrors } from '../shared/errors';
import { systemClock, type ServiceContext } from './context';
import { newId } from './ids';
import { DAMAGED_MESSAGE, IntegrityCheck } from './jobs/integrity';
import { ObligationRefresher } from './jobs/refresher';
import type { Ledger, OpenOptions } from './open';
import type { BackupJob, DailyBackup } from './jobs/daily-backup';
import { backupFolder } from './backup/backup';
import * as backups from './services/backups';
import { Jobs } from './services/jobs';
import * as attachments from './services/attachments';
import { auditForEntity, logView, viewLog, type Viewed } from './services/audit';
import { lastCheck, auditHead, recordCheck, verifyAudit } from './services/audit-verify';
import { AuditCheck } from './jobs/audit-check';
import { MODULE_INFO } from '../shared/modules';
import type { AuditStatus } from '../shared/schemas/audit';
import { JobInput } from '../shared/schemas/jobs';
import * as disputes from './services/disputes';
import { mediationDocument } from './services/mediation-documents';
import * as assistance from './services/assistance';
import * as correction from './services/correction';
import * as correctionEnd from './services/correction-end';
import * as assistanceCorrection from './services/assistance-correction';
import * as supervision from './services/correction-supervision';
import * as followup from './services/followup';
import * as schedule from './services/schedule';
import * as cadence from './services/followup-cadence';
import { getDashboard } from './services/obligations-dashboard';
import * as obligations from './services/obligations';
import {
  attachmentOwners,
  dueSources,
  hostModules,
  importers,
  personFiles,
  personRenamed,
  recycleSources,
  reportParts,
  staffWorks,
} from './modules';
import { recycleBin, restoreFromBin } from './services/recycle';
import { followupStats } from './services/followup-stats';
import { exportAssistanceLedger, exportUnlinkedList } from './services/assistance-export';
import { assistanceStatsFor } from './services/assistance-stats';
import { assistanceDocument } from './services/assistance-documents';
import { correctionDocument } from './services/correction-documents';
import { correctionStatsFor } from './services/correction-stats';
import { exportPersonsLedger } from './services/persons-export';
import { exportCorrectionLedger } from './services/correction-export';
import { exportDisputeLedger } from './services/disputes-export';
import { disputeStats } from './services/disputes-stats';
import { exportFollowupLedger } from './services/followup-export';
import { exportMediationLedger } from './services/mediation-export';
import { exportVisitPlan, visitPlan } from './services/followup-visit-plan';
import { searchPersons } from './services/persons-search';
import * as mediation from './services/mediation';
import { mediationStats } from './services/mediation-stats';
import { deleteScreening, saveScreening, screeningMonth } from './services/disputes-screening';
import * as persons from './services/persons';
import * as imports from './services/imports';
import { writeBackup } from './backup/backup';
import { runImportJob, type ImportJobs } from './jobs/import-job';
import * as ref from './services/reference';
import * as accounts from './services/accounts';
import { write } from './services/sql';
import { idleExpired } from '../shared/domain/accounts';
import { ACCESS, mayCall, type Access } from '../shared/domain/permissions';
import type { SessionStatus, SessionUser } from '../shared/schemas/accounts';
import type { SetupStatus } from '../shared/schemas/reference';
import { storageErrorMessage } from './safe-file';
import { encryptOpenLedger, removeAccountSecret, setAccountSecret } from './crypto/host';

export interface Host {
  ledger: Ledger;
  clock: Clock;
  /** Who is acting and whether first run is done; read once, refreshed after methods that change them. */
  session?: { actor: ServiceContext['user']; initialized: boolean };
  /**
   * Login (db/services/accounts.ts): when set, every method but the `open` ones of shared/domain/permissions.ts
   * needs a logged-in, unlocked account whose role allows it, and the actor is that account's staff member.
   * The app and browser mode run with it; scripts and most tests run without (the remembered operator acts).
   * One session per host: the desktop app's window, or browser mode's page.
   */
  auth?: HostAuth;
  /** scrypt's cost for new passwords (accounts.PRODUCTION_KDF unless a test passes a cheaper one). */
  kdf: accounts.KdfParams;
  /** Unexpected errors are logged here with a reference id; never inputs or rows. */
  log: (line: string) => void;
  /** The app's background rebuild of the to-do table; absent in scripts and tests, which rebuild inline. */
  refresher?: ObligationRefresher;
  /** The background check of a large file opened before it (db/open.ts); absent when it was checked first. */
  integrity?: IntegrityCheck;
  /** The day's first backup running in the background (db/jobs/daily-backup.ts); absent in scripts and tests. */
  dailyBackup?: DailyBackup;
  /** 立即备份 running in its worker thread. */
  manualBackup?: BackupJob;
  /** A report package being made or received in its worker thread (db/jobs/package-job.ts): one at a time. */
  packageJob?: Promise<unknown>;
  /** How the ledger is reopened after a restore (the app's migrations folder). */
  openOptions?: Omit<OpenOptions, 'lock' | 'clock'>;
  /** Long calls the window follows and may cancel. */
  jobs: Jobs;
  /** Long work (导入旧台账) runs in worker threads, as the app does; inline in scripts and tests. */
  background?: boolean;
  /** The 导入旧台账 check or import running in its worker, and how far it is. */
  importJobs?: ImportJobs;
  /** The audit chain's check, started after opening (db/jobs/audit-check.ts); absent in scripts and tests, which check inline. */
  auditCheck?: AuditCheck;
}

export interface HostAuth {
  user: (SessionUser & { mustChange: boolean }) | null;
  /** Locked by idle time or by hand: the user is kept (for the lock screen's name) but nothing answers until a login. */
  locked: boolean;
  /** The instant of the session's last call that counts as use (shared/domain/accounts.ts, idleExpired). */
  lastUsed: string | null;
}

/** What a job in a worker thread takes from the host: the file, the host's clock now and the acting user. */
function jobOf(ctx: ServiceContext, host: Host) {
  return { path: host.ledger.path, today: host.clock.today(), now: host.clock.now(), user: ctx.user };
}

/** One package job at a time; a restore waits for it (db/services/backups.ts) so that it never writes into a file being replaced. */
function oneAtATime<T>(host: Host, start: () => Promise<T>): Promise<T> {
  if (host.packageJob) throw new LedgerError('CONFLICT', '上一个上报包还在处理，请稍候再试。');
  const job = start();
  const settled = job.then(
    () => undefined,
    () => undefined,
  );
  host.packageJob = settled;
  void settled.then(() => {
    if (host.packageJob === settled) host.packageJob = undefined;
  });
  return job;
}

function importJobs(host: Host): ImportJobs {
  host.importJobs ??= { running: null };
  return host.importJobs;
}

function ledgerFile(host: Host): ref.LedgerFile {
  return { dbPath: host.ledger.path, integrity: host.integrity?.current ?? { state: 'ok', message: null } };
}

/** Most handlers are synchronous (SQLite work); document and export builders return a promise. */
type Handler<M extends Method> = (ctx: ServiceContext, input: ParsedInput<M>, host: Host) => Output<M> | Promise<Output<M>>;
type Handlers = { [M in Method]: Handler<M> };

const handlers: Handlers = {
  'setup.status': (ctx, _i, host) => withOperator(host, ref.setupStatus(ctx, ledgerFile(host))),
  'setup.init': (ctx, i, host) => setupLedger(ctx, i, host),
  'setup.checklist': (ctx) => ref.checklist(ctx),
  'setup.confirmNumbers': (ctx) => ref.confirmNumbers(ctx),
  'session.setOperator': (ctx, i, host) => ref.setOperator(ctx, i.staffId, ledgerFile(host)),
  'session.status': (ctx, _i, host) => sessionStatus(ctx, host),
  'session.login': (ctx, i, host) => signIn(ctx, host, accounts.verifyLogin(ctx, i.username, i.password, host.kdf)),
  'session.setupAdmin': (ctx, i, host) => {
    const user = accounts.setupAdmin(ctx, i.password, host.kdf);
    return keyed(host, signIn(ctx, host, user), { id: user.accountId, username: user.username }, i.password);
  },
  'session.logout': (ctx, _i, host) => endSession(ctx, host, 'logout'),
  'session.lock': (ctx, i, host) => endSession(ctx, host, 'lock', i?.idle ? '窗口长时间无操作' : '手动锁定'),
  'session.changePassword': (ctx, i, host) => {
    const user = accounts.changePassword(ctx, signedIn(host), i, host.kdf);
    return keyed(host, signIn(ctx, host, user, false), { id: user.accountId, username: user.username }, i.next);
  },
  'accounts.list': (ctx) => accounts.listAccounts(ctx),
  'accounts.events': (ctx) => accounts.accountEvents(ctx),
  'accounts.create': (ctx, i, host) => {
    const row = accounts.createAccount(ctx, i, host.kdf);
    return keyed(host, row, row, i.password);
  },
  'accounts.update': (ctx, i) => accounts.updateAccount(ctx, i),
  'accounts.resetPassword': (ctx, i, host) => {
    const row = accounts.resetPassword(ctx, i, host.kdf);
    return keyed(host, row, row, i.password);
  },
  'accounts.disable': (ctx, i, host) => {
    const row = accounts.disableAccount(ctx, i);
    // A disabled account can no longer open an encrypted ledger; enabled again, it can once given a password.
    if (i.disabled) removeAccountSecret(host, row.id);
    return row;
  },
  'security.get': (ctx) => accounts.getSecurity(ctx),
  'security.update': (ctx, i) => accounts.updateSecurity(ctx, i),
  'security.encryption': (_ctx, _i, host) => ({ encrypted: host.ledger.encrypted }),
  'security.encrypt': (ctx, i, host) => encryptForAdmin(ctx, host, i.password),
  'settings.get': (ctx) => ref.getSettings(ctx),
  'settings.update': (ctx, i) => ref.updateSettings(ctx, i),
  'villages.list': (ctx) => ref.listVillages(ctx),
  'villages.save': (ctx, i) => ref.saveVillage(ctx, i),
  'villages.delete': (ctx, i) => ref.deleteVillage(ctx, i.id),
  'villages.addMany': (ctx, i) => ref.addVillages(ctx, i),
  'villages.order': (ctx) => ref.villageOrder(ctx),
  'villages.setOrder': (ctx, i) => ref.setVillageOrder(ctx, i),
  'grids.save': (ctx, i) => ref.saveGrid(ctx, i),
  'grids.addMany': (ctx, i) => ref.addGrids(ctx, i),
  'grids.delete': (ctx, i) => ref.deleteGrid(ctx, i.id),
  'staff.list': (ctx, i) => ref.listStaff(ctx, i?.includeInactive),
  'staff.save': (ctx, i) => ref.saveStaff(ctx, i),
  'staff.workload': (ctx, i) => ref.staffWorkload(ctx, staffWorks, i.staffId),
  'staff.handOver': (ctx, i) => ref.handOverWork(ctx, staffWorks, i),
  'dicts.list': (ctx) => ref.listDicts(ctx),
  'dicts.add': (ctx, i) => ref.addDict(ctx, i),
  'dicts.setActive': (ctx, i) => ref.setDictActive(ctx, i),
  'ui.listColumns': (ctx, i) => ref.listColumns(ctx, i.ledger, hostModules[i.ledger].ledgerColumns),
  'ui.saveListColumns': (ctx, i) => ref.saveListColumns(ctx, i, hostModules[i.ledger].ledgerColumns),
  'audit.forEntity': (ctx, i) => auditForEntity(ctx, i.entity, i.id),
  'audit.status': (ctx, _i, host) => auditStatus(ctx, host),
  'audit.verify': (ctx, _i, host) => {
    if (host.auditCheck) void host.auditCheck.start();
    else recordCheck(ctx, verifyAudit(ctx));
    return auditStatus(ctx, host);
  },
  'audit.viewLog': (ctx, i) => viewLog(ctx, i),
  'persons.search': (ctx, i) => searchPersons(ctx, i.q, i.limit),
  'persons.list': (ctx, i) => persons.listPersons(ctx, i),
  'persons.exportLedger': (ctx, i) => exportPersonsLedger(ctx, i),
  'persons.get': (ctx, i) => persons.personDetail(ctx, i.id, personFiles),
  'persons.create': (ctx, i) => persons.createPerson(ctx, i),
  'persons.update': (ctx, i) => persons.updatePerson(ctx, i, personRenamed),
  'persons.delete': (ctx, i) => persons.deletePerson(ctx, i.id),
  'disputes.list': (ctx, i) => disputes.listDisputes(ctx, i),
  'disputes.get': (ctx, i) => disputes.getDispute(ctx, i.id),
  'disputes.create': (ctx, i) => disputes.createDispute(ctx, i),
  'disputes.update': (ctx, i) => disputes.updateDispute(ctx, i),
  'disputes.changeStatus': (ctx, i) => disputes.changeDisputeStatus(ctx, i),
  'disputes.delete': (ctx, i) => disputes.deleteDispute(ctx, i.id),
  'disputes.stats': (ctx, i) => disputeStats(ctx, i),
  'disputes.screenings': (ctx, i) => screeningMonth(ctx, i),
  'disputes.saveScreening': (ctx, i) => saveScreening(ctx, i),
  'disputes.deleteScreening': (ctx, i) => deleteScreening(ctx, i.id),
  'disputes.nextCaseNumber': (ctx, i) => disputes.previewCaseNumber(ctx, i.intakeDate),
  'mediation.list': (ctx, i) => mediation.listCases(ctx, i),
  'mediation.get': (ctx, i) => mediation.getCase(ctx, i.id),
  'mediation.ofDispute': (ctx, i) => mediation.caseOfDispute(ctx, i.disputeId),
  'mediation.openFromDispute': (ctx, i) => mediation.openFromDispute(ctx, i),
  'mediation.create': (ctx, i) => mediation.createCase(ctx, i),
  'mediation.update': (ctx, i) => mediation.updateCase(ctx, i),
  'mediation.saveRecord': (ctx, i) => mediation.saveRecord(ctx, i),
  'mediation.deleteRecord': (ctx, i) => mediation.deleteRecord(ctx, i.id),
  'mediation.saveAgreement': (ctx, i) => mediation.saveAgreement(ctx, i),
  'mediation.setPerformance': (ctx, i) => mediation.setPerformance(ctx, i),
  'mediation.setAgreementPerformance': (ctx, i) => mediation.setAgreementPerformance(ctx, i),
  'mediation.saveAgent': (ctx, i) => mediation.saveAgent(ctx, i),
  'mediation.deleteAgent': (ctx, i) => mediation.deleteAgent(ctx, i.id),
  'mediation.saveConfirmation': (ctx, i) => mediation.saveConfirmation(ctx, i),
  'mediation.saveVisit': (ctx, i) => mediation.saveVisit(ctx, i),
  'mediation.saveReport': (ctx, i) => mediation.saveReport(ctx, i),
  'mediation.deleteReport': (ctx, i) => mediation.deleteReport(ctx, i.id),
  'mediation.close': (ctx, i) => mediation.closeCase(ctx, i),
  'mediation.extendDeadline': (ctx, i) => mediation.extendDeadline(ctx, i),
  'mediation.recordArbitrationNotice': (ctx, i) => mediation.recordArbitrationNotice(ctx, i),
  'mediation.delete': (ctx, i) => mediation.deleteCase(ctx, i.id),
  'mediation.stats': (ctx, i) => mediationStats(ctx, i),
  'mediation.document': (ctx, i) => mediationDocument(ctx, i),
  'attachments.list': (ctx, i) => attachments.listAttachments(ctx, attachmentOwners, i.ownerType, i.ownerId),
  'attachments.add': (ctx, i) => attachments.addAttachment(ctx, attachmentOwners, i),
  'attachments.get': (ctx, i) => attachments.getAttachment(ctx, attachmentOwners, i.id),
  'attachments.delete': (ctx, i) => attachments.deleteAttachment(ctx, i.id),
  'followup.list': (ctx, i) => followup.listSubjects(ctx, i),
  'followup.get': (ctx, i) => followup.getSubject(ctx, i.id),
  'followup.create': (ctx, i) => followup.createSubject(ctx, i),
  'followup.update': (ctx, i) => followup.updateSubject(ctx, i),
  'followup.end': (ctx, i) => followup.endSubject(ctx, i),
  'followup.saveVisit': (ctx, i) => followup.saveVisit(ctx, i),
  'followup.deleteVisit': (ctx, i) => followup.deleteVisit(ctx, i.id),
  'followup.delete': (ctx, i) => followup.deleteSubject(ctx, i.id),
  'followup.saveReport': (ctx, i) => followup.saveReport(ctx, i),
  'followup.deleteReport': (ctx, i) => followup.deleteReport(ctx, i.id),
  'followup.saveSuspension': (ctx, i) => followup.saveSuspension(ctx, i),
  'followup.deleteSuspension': (ctx, i) => followup.deleteSuspension(ctx, i.id),
  'followup.saveYear': (ctx, i) => followup.saveYear(ctx, i),
  'followup.deleteYear': (ctx, i) => followup.deleteYear(ctx, i.id),
  'followup.schedule': (ctx) => cadence.getFollowupSchedule(ctx),
  'followup.saveCadence': (ctx, i) => cadence.saveCadence(ctx, i),
  'followup.setScheme': (ctx, i) => cadence.setScheme(ctx, i),
  'followup.setOpeningGrace': (ctx, i) => cadence.setOpeningGrace(ctx, i),
  'followup.setDrugSettings': (ctx, i) => cadence.setDrugSettings(ctx, i),
  'obligations.dashboard': (ctx, i, host) => getDashboard(ctx, i, dueSources, host.refresher),
  'obligations.actOnItem': (ctx, i) => obligations.actOnItem(ctx, i, dueSources),
  'obligations.waiveItems': (ctx, i) => obligations.waiveItems(ctx, i, dueSources),
  'obligations.undoItemAction': (ctx, i) => obligations.undoItemAction(ctx, i.id, dueSources),
  'recycle.list': (ctx) => recycleBin(ctx, recycleSources),
  'recycle.restore': (ctx, i) => restoreFromBin(ctx, i, recycleSources),
  'schedule.get': (ctx) => schedule.getSchedule(ctx),
  'schedule.saveHolidays': (ctx, i) => schedule.saveHolidays(ctx, i),
  'mediation.exportLedger': (ctx, i) => exportMediationLedger(ctx, i),
  'disputes.exportLedger': (ctx, i) => exportDisputeLedger(ctx, i),
  'followup.exportLedger': (ctx, i) => exportFollowupLedger(ctx, i),
  'followup.visitPlan': (ctx, i) => visitPlan(ctx, i),
  'followup.exportVisitPlan': (ctx, i) => exportVisitPlan(ctx, i),
  'followup.stats': (ctx, i) => followupStats(ctx, i),
  'correction.list': (ctx, i) => correction.listFiles(ctx, i),
  'correction.get': (ctx, i) => correction.getFile(ctx, i.id),
  'correction.create': (ctx, i) => correction.createFile(ctx, i, [assistanceCorrection.assistanceCorrectionOpened]),
  'correction.update': (ctx, i) => correction.updateFile(ctx, i),
  'correction.saveReception': (ctx, i) => correction.saveReception(ctx, i),
  'correction.setLevel': (ctx, i) => correction.setLevel(ctx, i),
  'correction.saveEvent': (ctx, i) => correction.saveEvent(ctx, i),
  'correction.deleteEvent': (ctx, i) => correction.deleteEvent(ctx, i.id),
  'correction.delete': (ctx, i) => correction.deleteFile(ctx, i.id),
  'correction.schedule': (ctx) => correction.getSchedule(ctx),
  'correction.saveSchedule': (ctx, i) => correction.saveSchedule(ctx, i),
  'correction.document': (ctx, i) => correctionDocument(ctx, i),
  'correction.stats': (ctx, i) => correctionStatsFor(ctx, i),
  'correction.exportLedger': (ctx, i) => exportCorrectionLedger(ctx, i),
  'correction.endView': (ctx, i) => correctionEnd.correctionEndView(ctx, i.id),
  'correction.saveSanction': (ctx, i) => correctionEnd.saveSanction(ctx, i),
  'correction.deleteSanction': (ctx, i) => correctionEnd.deleteSanction(ctx, i.id),
  'correction.saveAppraisal': (ctx, i) => correctionEnd.saveAppraisal(ctx, i),
  'correction.release': (ctx, i) => correctionEnd.releaseFile(ctx, i),
  'correction.terminate': (ctx, i) => correctionEnd.terminateFile(ctx, i),
  'correction.undoEnd': (ctx, i) => correctionEnd.undoEnd(ctx, i),
  'correction.sanctionSchedule': (ctx) => correctionEnd.getSanctionSchedule(ctx),
  'correction.saveSanctionSchedule': (ctx, i) => correctionEnd.saveSanctionSchedule(ctx, i),
  'correction.supervision': (ctx, i) => supervision.getSupervision(ctx, i.fileId),
  'correction.saveTeam': (ctx, i) => supervision.saveTeam(ctx, i),
  'correction.savePlan': (ctx, i) => supervision.savePlan(ctx, i),
  'correction.deletePlan': (ctx, i) => supervision.deletePlan(ctx, i.id),
  'correction.saveApproval': (ctx, i) => supervision.saveApproval(ctx, i),
  'correction.deleteApproval': (ctx, i) => supervision.deleteApproval(ctx, i.id),
  'correction.saveMonitor': (ctx, i) => supervision.saveMonitor(ctx, i),
  'correction.deleteMonitor': (ctx, i) => supervision.deleteMonitor(ctx, i.id),
  'correction.saveAssessment': (ctx, i) => supervision.saveAssessment(ctx, i),
  'correction.saveIncident': (ctx, i) => supervision.saveIncident(ctx, i),
  'correction.deleteIncident': (ctx, i) => supervision.deleteIncident(ctx, i.id),
  'correction.saveExitReport': (ctx, i) => supervision.saveExitReport(ctx, i),
  'correction.supervisionSettings': (ctx) => supervision.getSupervisionSettings(ctx),
  'correction.saveSupervisionSettings': (ctx, i) => supervision.saveSupervisionSettings(ctx, i),
  'assistance.list': (ctx, i) => assistance.listFiles(ctx, i),
  'assistance.exportLedger': (ctx, i) => exportAssistanceLedger(ctx, i),
  'assistance.exportUnlinked': (ctx, i) => exportUnlinkedList(ctx, i),
  'assistance.stats': (ctx, i) => assistanceStatsFor(ctx, i),
  'assistance.document': (ctx, i) => assistanceDocument(ctx, i),
  'assistance.get': (ctx, i) => assistance.getFile(ctx, i.id),
  'assistance.create': (ctx, i) => assistance.createFile(ctx, i),
  'assistance.update': (ctx, i) => assistance.updateFile(ctx, i),
  'assistance.saveHandover': (ctx, i) => assistance.saveHandover(ctx, i),
  'assistance.saveTeam': (ctx, i) => assistance.saveTeam(ctx, i),
  'assistance.savePlacement': (ctx, i) => assistance.savePlacement(ctx, i),
  'assistance.setLevel': (ctx, i) => assistance.setLevel(ctx, i),
  'assistance.saveRecord': (ctx, i) => assistance.saveRecord(ctx, i),
  'assistance.deleteRecord': (ctx, i) => assistance.deleteRecord(ctx, i.id),
  'assistance.end': (ctx, i) => assistance.endFile(ctx, i),
  'assistance.delete': (ctx, i) => assistance.deleteFile(ctx, i.id),
  'assistance.schedule': (ctx) => assistance.getSchedule(ctx),
  'assistance.saveSchedule': (ctx, i) => assistance.saveSchedule(ctx, i),
  'assistance.fromCorrection': (ctx, i) => assistanceCorrection.fromCorrection(ctx, i),
  'assistance.correctionHandOver': (ctx, i) => assistanceCorrection.correctionHandOver(ctx, i.id),
  'import.targets': () => imports.importTargets(importers),
  'import.read': (ctx, i) => imports.readImport(ctx, importers, i),
  // In the app and browser mode, in a worker thread (seconds of work for a large file); inline in scripts and tests.
  'import.check': (ctx, i, host) =>
    host.background
      ? runImportJob(importJobs(host), { ...jobOf(ctx, host), kind: 'check', input: i }, ctx.job)
      : imports.checkImport(ctx, importers, i),
  'import.run': (ctx, i, host) =>
    host.background
      ? runImportJob(importJobs(host), { ...jobOf(ctx, host), kind: 'run', input: i }, ctx.job, () => imports.batchCount(ctx))
      : imports.runImport(
          ctx,
          importers,
          i,
          () => writeBackup(host.ledger.db, { dbPath: host.ledger.path, reason: 'before-import', clock: host.clock }).fileName,
        ),
  'import.progress': (_ctx, _i, host) => host.importJobs?.running ?? null,
  'import.batches': (ctx, i) => imports.listImportBatches(ctx, i?.module),
  'import.items': (ctx, i) => imports.importItems(ctx, importers, i.id),
  'import.undo': (ctx, i) => imports.undoImport(ctx, importers, i, personFiles),
  'backups.list': (_ctx, _i, host) => backups.listBackups(host),
  'backups.create': (ctx, i, host) => backups.backupNow(host, i.folder, ctx.job),
  'backups.verify': (ctx, i, host) => backups.verifyBackup(host, i.path, ctx.job),
  'jobs.progress': (_ctx, i, host) => host.jobs.progress(i.id),
  'jobs.cancel': (_ctx, i, host) => host.jobs.cancel(i.id),
  'backups.preview': (_ctx, i, host) => backups.preview(host, i.path),
  'backups.restore': (ctx, i, host) => backups.restore(host, i.path, ctx.job),
  'backups.undoRestore': (ctx, _i, host) => backups.undo(host, ctx.job),
  'backups.saveRules': (_ctx, i, host) => backups.setRules(host, i),
  'reportPackage.options': (ctx) => reportPackageOptions(ctx, reportParts, packageDestinations()),
  'reportPackage.create': (ctx, i, host) => oneAtATime(host, () => runPackageJob({ kind: 'make', input: i, ...jobOf(ctx, host) }, ctx.job)),
  'county.receive': (ctx, i, host) => oneAtATime(host, () => runPackageJob({ kind: 'receive', input: i, ...jobOf(ctx, host) }, ctx.job)),
  'county.overview': (ctx, i) => countyOverview(ctx, i),
  'county.stats': (ctx, i) => countyStats(ctx, i),
  'county.list': (ctx, i) => countyList(ctx, i),
  'county.export': (ctx, i) => exportCounty(ctx, i),
  'county.saveTownships': (ctx, i) => saveTownships(ctx, i.townships),
};

// ── the session ─────────────────────────────────────────────────────────────────────────────────

/** With login, the operator setup.status reports is the logged-in user (nobody before login), not the remembered one. */
function withOperator(host: Host, status: SetupStatus): SetupStatus {
  if (!host.auth) return status;
  const user = host.auth.locked ? null : host.auth.user;
  return { ...status, operator: user ? { id: user.staffId, name: user.name } : null };
}

/** First-run setup and its administrator's account in one transaction; with login, the administrator is then logged in. */
function setupLedger(ctx: ServiceContext, input: ParsedInput<'setup.init'>, host: Host): SetupStatus {
  const status = write(ctx, () => {
    const s = ref.initialize(ctx, input, ledgerFile(host));
    // A file still at a version from before accounts (the migration tests set one up) gets its accounts when it is migrated.
    if (accounts.haveAccounts(ctx))
      accounts.createFirstAdmin({ ...ctx, user: { id: s.operator!.id, name: s.operator!.name } }, s.operator!.id, input, host.kdf);
    return s;
  });
  if (host.auth && input.password)
    signIn(ctx, host, accounts.verifyLogin(ctx, input.username ?? input.operatorName, input.password, host.kdf));
  return withOperator(host, status);
}

/**
 * On an encrypted ledger an account's password is also its key to the file (db/crypto/host.ts): its slot of
 * the keyring is wrapped again under the password just set (labelled with the user name the 解锁 page takes).
 * Nothing to do on a plain ledger.
 */
function keyed<T>(host: Host, value: T, account: { id: string; username: string }, password: string): T | Promise<T> {
  if (!host.ledger.encrypted) return value;
  const kdf = { name: 'scrypt' as const, N: host.kdf.N, r: host.kdf.r, p: host.kdf.p };
  return setAccountSecret(host, account.id, password, { label: account.username, kdf }).then(() => value);
}

/**
 * 加密账本 by the logged-in administrator: their password checked as a login is (audited, counted towards the
 * lockout), then the ledger encrypted with their slot and a recovery code (db/crypto/host.ts). Colleagues
 * get their own slots when their passwords are next set; until then the administrator unlocks at start.
 */
async function encryptForAdmin(ctx: ServiceContext, host: Host, password: string): Promise<{ recoveryCode: string; backupPath: string }> {
  const user = signedIn(host);
  if (host.ledger.encrypted) throw new LedgerError('CONFLICT', '账本已经加密。');
  accounts.verifyLogin(ctx, user.username, password, host.kdf);
  const kdf = { name: 'scrypt' as const, N: host.kdf.N, r: host.kdf.r, p: host.kdf.p };
  const done = await encryptOpenLedger(
    host,
    { account: user.accountId, password, label: user.username },
    { kdf, onStep: (s) => ctx.job?.report(s) },
  );
  return { recoveryCode: done.recoveryCode, backupPath: done.backup.path };
}

function signedIn(host: Host): SessionUser {
  const user = host.auth?.user;
  if (!user || host.auth?.locked) throw new LedgerError('LOGIN_REQUIRED');
  return user;
}

function sessionStatus(ctx: ServiceContext, host: Host): SessionStatus {
  const auth = host.auth;
  const admin = session(host).initialized ? accounts.pendingAdmin(ctx) : null;
  return {
    initialized: session(host).initialized,
    user: auth?.user
      ? {
          accountId: auth.user.accountId,
          staffId: auth.user.staffId,
          name: auth.user.name,
          username: auth.user.username,
          role: auth.user.role,
        }
      : null,
    locked: auth?.locked ?? false,
    mustChange: auth?.user?.mustChange ?? false,
    needsAdminPassword: admin ? { username: admin.username, name: admin.name } : null,
    policy: accounts.getSecurity(ctx),
  };
}

/** A login (or a password set) starts the session; a login as someone else while locked ends the previous one. */
function signIn(ctx: ServiceContext, host: Host, user: SessionUser & { mustChange: boolean }, fresh = true): SessionStatus {
  if (!host.auth) return sessionStatus(ctx, host);
  const before = host.auth.user;
  if (fresh && before && before.accountId !== user.accountId) accounts.auditSession(ctx, before, 'logout', '另一账户登录');
  host.auth = { user, locked: false, lastUsed: host.clock.now() };
  host.session = undefined;
  return sessionStatus(ctx, host);
}

function endSession(ctx: ServiceContext, host: Host, action: 'logout' | 'lock', why?: string): SessionStatus {
  const auth = host.auth;
  if (auth?.user && !(action === 'lock' && auth.locked)) {
    accounts.auditSession(ctx, auth.user, action, why);
    host.auth = action === 'logout' ? { user: null, locked: false, lastUsed: null } : { ...auth, locked: true };
  }
  host.session = undefined;
  return sessionStatus(ctx, host);
}

/** Why a role is refused, by the method's rule. */
const REFUSED: Record<Access, string> = {
  open: '访问被拒绝。',
  signedIn: '请先登录。',
  read: '您的账户不能查看此内容。',
  work: '您的账户为查阅账户，不能修改台账。',
  admin: '只有管理员可以进行此操作。',
  nobody: '操作人就是登录的账户，不能切换；请用其他账户登录。',
};

/** Calls that do not count as use for the idle lock: the window asking how the session stands, or how a job goes. */
const NOT_USE = new Set<Method>(['session.status', 'setup.status', 'jobs.progress', 'import.progress', 'audit.status']);

/**
 * The login's gate, before any handler: a method that is not `open` needs a logged-in, unlocked account
 * whose role allows it (shared/domain/permissions.ts). A session unused for the idle minutes is locked
 * here, by the host's clock, and audited, whatever the window did.
 */
function checkAccess(host: Host, method: Method, ctx: ServiceContext): void {
  const auth = host.auth;
  if (!auth) return;
  const access = ACCESS[method];
  if (access === 'open') return;
  if (!session(host).initialized && BEFORE_SETUP.has(method)) return;
  if (auth.user && !auth.locked && auth.lastUsed && idleExpired(auth.lastUsed, accounts.getSecurity(ctx), host.clock)) {
    endSession(ctx, host, 'lock', '长时间未操作');
    throw new LedgerError('LOGIN_REQUIRED', '因长时间未操作，已自动锁定。请重新登录。');
  }
  const user = auth.user;
  if (!user || auth.locked) throw new LedgerError('LOGIN_REQUIRED');
  if (!mayCall(user.role, method)) throw new LedgerError('UNAUTHORIZED', REFUSED[access]);
  if (user.mustChange && access !== 'signedIn') throw new LedgerError('PASSWORD_CHANGE_REQUIRED');
  if (!NOT_USE.has(method)) auth.lastUsed = host.clock.now();
  ctx.user = { id: user.staffId, name: user.name, role: user.role };
}

/** After a change to accounts or staff: the logged-in account as it now is (logged out if it may no longer log in). */
function refreshUser(host: Host, ctx: ServiceContext): void {
  const user = host.auth?.user;
  if (!host.auth || !user) return;
  const now = accounts.reloadUser(ctx, user.accountId);
  host.auth.user = now && { ...now, mustChange: user.mustChange && now.mustChange };
}

function auditStatus(ctx: ServiceContext, host: Host): AuditStatus {
  return host.auditCheck?.status(ctx) ?? { running: null, last: lastCheck(ctx), head: auditHead(ctx) };
}

/**
 * Reading one of these opens someone's file: the read is written to the view log (services/audit.ts,
 * logView), here in one place rather than in each service. Each entry names the record and whose it is
 * from the method's own input and answer, so logging costs one insert and no extra read.
 */
const VIEWED: { [M in Method]?: (input: ParsedInput<M>, output: Output<M>) => Viewed } = {
  'persons.get': (i, o) => ({ entity: MODULE_INFO.persons.entity, entityId: i.id, person: { id: o.person.id, name: o.person.name } }),
  'followup.get': (i, o) => ({ entity: MODULE_INFO.followup.entity, entityId: i.id, person: o.person }),
  'correction.get': (i, o) => ({ entity: MODULE_INFO.correction.entity, entityId: i.id, person: o.person }),
  'assistance.get': (i, o) => ({ entity: MODULE_INFO.assistance.entity, entityId: i.id, person: o.person }),
  'attachments.get': (i, o) => ({ entity: 'attachment', entityId: i.id, person: null, file: o.fileName }),
};

/**
 * Writes the view row of a read in VIEWED. A read never fails for its log: a file that cannot be
 * written (a damaged ledger switched to read-only) is still read, and the failure is logged.
 */
function recordView(host: Host, ctx: ServiceContext, method: Method, input: unknown, output: unknown): void {
  const of = VIEWED[method] as ((i: unknown, o: unknown) => Viewed) | undefined;
  if (!of) return;
  try {
    const viewed = of(input, output);
    logView(ctx, { ...viewed, person: viewed.person && { id: viewed.person.id, name: viewed.person.name } });
  } catch (e) {
    host.log(`[${new Date().toISOString()}] ${method} 的查阅记录未能写入：${(e as Error)?.message ?? String(e)}`);
  }
}

/**
 * Methods that work before first-run setup — the backups' too, so that a new PC's empty ledger can be replaced by a backup
 * brought on a USB stick (or a restored ledger that was never set up still lists its backups).
 */
const BEFORE_SETUP = new Set<Method>([
  'setup.status',
  'setup.init',
  'backups.list',
  'backups.verify',
  'backups.preview',
  'backups.restore',
  'backups.undoRestore',
  'jobs.progress',
  'jobs.cancel',
]);

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export interface HostOptions {
  clock?: Clock;
  log?: (line: string) => void;
  /** Run long jobs (the daily to-do rebuild) in worker threads, as the app does. */
  background?: boolean;
  /** Write the day's first backup in the background (the app and browser mode). */
  dailyBackup?: boolean;
  /** How the ledger was opened, to reopen it the same way after a restore. */
  open?: Omit<OpenOptions, 'lock' | 'clock'>;
  /** Require a login (the app and browser mode); without it the remembered operator acts and every method answers. */
  login?: boolean;
  /** scrypt's cost for new passwords; tests pass a cheap one. */
  kdf?: accounts.KdfParams;
}

export function createHost(ledger: Ledger, options: HostOptions = {}): Host {
  const log = options.log ?? ((line: string) => console.error(line));
  const host: Host = { ledger, clock: options.clock ?? systemClock, log, jobs: new Jobs(), kdf: options.kdf ?? accounts.PRODUCTION_KDF };
  if (options.login) host.auth = { user: null, locked: false, lastUsed: null };
  if (options.open) host.openOptions = options.open;
  if (options.background) {
    host.background = true;
    host.refresher = new ObligationRefresher(ledger.path, log);
  }
  if (ledger.checkDeferred) host.integrity = new IntegrityCheck(ledger.path, ledger.db, log);
  if (options.dailyBackup) backups.startDailyBackup(host);
  if (options.background) {
    // The audit chain is checked once the ledger is open, without holding up the first screen.
    host.auditCheck = new AuditCheck(() => contextFor(host), log);
    void host.auditCheck.start();
  }
  return host;
}

/**
 * Stops background jobs, then closes the file (their finished batches are whole; the rest runs next time).
 * `exitBackup`: the app's close, with a backup when this session changed anything.
 */
export async function closeHost(host: Host, options: { exitBackup?: boolean } = {}): Promise<void> {
  await host.refresher?.stop();
  await host.integrity?.stop();
  await host.dailyBackup?.stop();
  await host.manualBackup?.stop(backupFolder(host.ledger.path));
  if (options.exitBackup) backups.backupOnExit(host);
  await host.auditCheck?.stop();
  host.ledger.close();
}

/** Methods after which the cached operator / first-run state must be read again. */
const SESSION_METHODS = /^(setup|session|staff|accounts)\./;

function session(host: Host): NonNullable<Host['session']> {
  if (!host.session) {
    const base = { db: host.ledger.db, clock: host.clock };
    const actor = ref.currentActor(base);
    host.session = { actor, initialized: ref.setupStatus({ ...base, user: actor }, ledgerFile(host)).initialized };
  }
  return host.session;
}

/** With login, the actor is the logged-in account's staff member (the system before a login); without, the remembered operator. */
export function contextFor(host: Host): ServiceContext {
  const user = host.auth?.user;
  if (host.auth) {
    const actor = user && !host.auth.locked ? { id: user.staffId, name: user.name, role: user.role } : { id: null, name: '系统' };
    return { db: host.ledger.db, clock: host.clock, user: actor };
  }
  return { db: host.ledger.db, clock: host.clock, user: session(host).actor };
}

function failure(host: Host, method: string, started: number, e: unknown): Envelope<never> {
  if (e instanceof LedgerError) return { ok: false, error: e.toWire() };
  // A save refused because the background check found the file damaged (jobs/integrity.ts).
  if (host.integrity?.current.state === 'damaged' && (e as { code?: string }).code?.startsWith('SQLITE_READONLY'))
    return { ok: false, error: new LedgerError('DB_CORRUPT', DAMAGED_MESSAGE).toWire() };
  const ref = newId();
  // The file system said no (a full disk, a file made read-only): the user is told what to do.
  const storage = storageErrorMessage(e);
  if (storage) {
    host.log(`[${new Date().toISOString()}] ${method} 失败 ref=${ref}: ${(e as Error)?.message ?? String(e)}`);
    return { ok: false, error: { code: 'WRITE_FAILED', message: storage, ref } };
  }
  host.log(`[${new Date().toISOString()}] ${method} 失败 ref=${ref} (${Date.now() - started} ms): ${(e as Error)?.stack ?? String(e)}`);
  return { ok: false, error: { code: 'INTERNAL', message: `程序内部错误（参考编号 ${ref}），数据未被改动。`, ref } };
}

/** For a method the contract marks `job`: the caller's id for the call, taken from beside the input. */
function callerJob(def: MethodDef<z.ZodType, unknown>, rawInput: unknown): { jobId?: string; input: unknown } {
  if (!def.job || typeof rawInput !== 'object' || rawInput === null || !('jobId' in rawInput)) return { input: rawInput };
  const { jobId, ...input } = rawInput as { jobId: unknown };
  const id = JobInput.shape.id.safeParse(jobId);
  if (!id.success) throw new LedgerError('VALIDATION', '任务编号格式不正确。');
  return { jobId: id.data, input };
}

function run(host: Host, method: string, rawInput: unknown): Envelope<unknown> | Promise<Envelope<unknown>> {
  const started = Date.now();
  try {
    if (!isMethod(method)) throw new LedgerError('UNKNOWN_METHOD', `未知的操作：${method.slice(0, 60)}`);
    // Dates that cannot lie after today are checked by the host's clock, with the rule the form uses.
    const def: MethodDef<z.ZodType, unknown> = contract[method];
    const { jobId, input } = callerJob(def, rawInput);
    const parsed = (def.asOf ? def.asOf(host.clock.today()) : def.input).safeParse(input);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      const first = Object.values(fields)[0];
      throw new LedgerError('VALIDATION', first ? `填写的内容有误：${first}` : undefined, { fields });
    }
    const ctx = contextFor(host);
    if (!BEFORE_SETUP.has(method) && ACCESS[method] !== 'open' && !session(host).initialized) throw new LedgerError('NOT_SETUP');
    checkAccess(host, method, ctx);
    const handler = handlers[method] as Handler<Method>;
    let value: unknown;
    if (jobId) ctx.job = host.jobs.start(jobId);
    try {
      value = handler(ctx, parsed.data as ParsedInput<Method>, host);
    } finally {
      if (SESSION_METHODS.test(method)) {
        host.session = undefined;
        refreshUser(host, ctx);
      }
      if (jobId && !(value instanceof Promise)) host.jobs.end(jobId);
    }
    if (jobId && value instanceof Promise) value = value.finally(() => host.jobs.end(jobId));
    if (!(value instanceof Promise)) recordView(host, ctx, method, parsed.data, value);
    if (value instanceof Promise) {
      return value.then(
        (v: unknown): Envelope<unknown> => ({ ok: true, value: v }),
        (e: unknown) => failure(host, method, started, e),
      );
    }
    return { ok: true, value };
  } catch (e) {
    return failure(host, method, started, e);
  }
}

/**
 * Calls one method with untrusted input. Never throws or rejects: every outcome is an envelope.
 * This is what both transports use.
 */
export async function dispatchAsync(host: Host, method: string, rawInput: unknown): Promise<Envelope<unknown>> {
  return run(host, method, rawInput);
}

/**
 * The synchronous form, for scripts and tests that call the SQLite-backed methods in a loop.
 * A method whose handler is asynchronous (documents, exports) answers with an error here.
 */
export function dispatch(host: Host, method: string, rawInput: unknown): Envelope<unknown> {
  const result = run(host, method, rawInput);
  if (result instanceof Promise) {
    result.catch(() => undefined);
    return { ok: false, error: { code: 'INTERNAL', message: `操作 ${method.slice(0, 60)} 须以异步方式调用。` } };
  }
  return result;
}

/**
 * The typed forms for the host's own callers (scripts, the desktop notifier, tests): the method name
 * and input are checked against the contract at compile time, and the input is still validated at
 * run time as every call's is.
 */
export function invoke<M extends Method>(host: Host, method: M, input: Input<M>): Envelope<Output<M>> {
  return dispatch(host, method, input) as Envelope<Output<M>>;
}

export async function invokeAsync<M extends Method>(host: Host, method: M, input: Input<M>): Promise<Envelope<Output<M>>> {
  return (await dispatchAsync(host, method, input)) as Envelope<Output<M>>;
}
