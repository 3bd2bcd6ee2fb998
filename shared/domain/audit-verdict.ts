/**
 * The verdict of the audit chain's check, in words: the same sentence on the settings page, in the
 * window's warning and from `ledger verify-audit`.
 */
import { formatInstant } from '../instants';
import { type CORE_ENTITIES, MODULE_INFO, moduleOfEntity } from '../modules';
import type { AuditBreak, AuditVerdict } from '../schemas/audit';
import { AUDIT_ACTION_LABELS } from '../schemas/reference';

const CORE_LABELS: Record<(typeof CORE_ENTITIES)[number], string> = {
  village: '村（社区）',
  grid: '网格',
  staff: '工作人员',
  settings: '设置',
  dict: '字典',
  attachment: '附件',
  ledger: '台账',
  county: '县级汇总',
  account: '账户',
};

/** What an audit row's entity is called (a module's record, or a core one). */
export function auditEntityLabel(entity: string): string {
  const m = moduleOfEntity(entity);
  if (m) return MODULE_INFO[m].record;
  return (CORE_LABELS as Record<string, string>)[entity] ?? entity;
}

/** 1234567 → 1,234,567. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function rowWords(b: AuditBreak, offsetMinutes?: number): string {
  if (!b.row) return '';
  const action = AUDIT_ACTION_LABELS[b.row.action] ?? b.row.action;
  return `（${formatInstant(b.row.at, offsetMinutes)}，${b.row.actorName} ${action} ${auditEntityLabel(b.row.entity)}）`;
}

/** The first broken link in one sentence. */
export function breakText(b: AuditBreak, offsetMinutes?: number): string {
  const n = `第 ${groupDigits(b.position)} 条记录`;
  switch (b.kind) {
    case 'edited':
      return `${n}${rowWords(b, offsetMinutes)}被改动，此后的记录无法证明未被篡改`;
    case 'unlinked':
      return `${n}${rowWords(b, offsetMinutes)}与前一条记录接不上：此前有记录被删除、插入或调换了次序，此后的记录无法证明未被篡改`;
    case 'rewritten':
      return `${n}${rowWords(b, offsetMinutes)}与此前校验时不同：此前的记录被改写并重新计算过，整条记录链无法证明未被篡改`;
    case 'truncated':
      return `记录比此前校验时少：此前已有 ${groupDigits(b.position)} 条，末尾的记录被删除`;
  }
}

/** The verdict in words: intact with its count, or the first broken link and how many rows fail. */
export function verdictText(v: AuditVerdict, offsetMinutes?: number): string {
  if (v.ok) return `审计记录完整：共 ${groupDigits(v.rows)} 条，逐条校验无误。`;
  const first = v.firstBreak ? breakText(v.firstBreak, offsetMinutes) : '审计记录校验未通过';
  const extent = v.brokenRows > 1 ? `（共 ${groupDigits(v.brokenRows)} 条记录对不上）` : '';
  return `${first}${extent}。`;
}

/** The window's warning when the check fails: what was found, and what to do. */
export function warningText(v: AuditVerdict, offsetMinutes?: number): string {
  return `审计记录校验发现问题：${verdictText(v, offsetMinutes)}请管理员核查，并与备份中的记录比对。`;
}
