/**
 * 考核奖惩, 期满鉴定, 解除/终止 and the hand-over to 安置帮教 on a real ledger (REVIEW §5.4, REVIEW §5.5, REVIEW §6.2):
 * steps recorded and suggested, the 期满鉴定 item answered, an ended file owing nothing and undone, the hand-over
 * opening exactly one assistance file in the 解除's transaction (and nothing when it fails), and a new correction
 * file recorded as 重新犯罪 on a live assistance file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../../shared/domain/correction-rules';
import type { Person } from '../../../../shared/schemas/persons';
import { assistanceFile, correctionFile, person } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let p: Person;

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  p = person(t, { name: '钱矫' });
});
afterEach(() => t.close());

const count = (sql: string) => (t.ledger.db.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;
const items = (id: string) => count(`obligation WHERE module = 'correction' AND owner_id = '${id}'`);
const reprimand = (fileId: string, checkDate: string) =>
  t.call('correction.saveSanction', {
    fileId,
    kind: 'reprimand',
    reason: 'rules_minor',
    checkDate,
    checkFacts: '未经批准外出一日',
    decisionDate: checkDate,
    decisionNumber: `某司矫训字〔2024〕${checkDate.slice(8)}号`,
  });

/** A term ending on 2024-06-14, so the tests' today is past it. */
const endedTerm = { effectiveDate: '2023-06-15', termStart: '2023-06-15', termEnd: '2024-06-14' };
const release = (fileId: string, extra: Record<string, unknown> = {}) => ({
  fileId,
  reason: 'expiry' as const,
  date: '2024-06-14',
  certificateNumber: '解矫字〔2024〕7号',
  declarationDate: '2024-06-14',
  declarationHost: '王所长',
  ...extra,
});

describe('考核奖惩', () => {
  it('records two 训诫 and suggests a 警告 with its condition; each write audited; a step deleted', () => {
    const f = correctionFile(t, p);
    reprimand(f.id, '2024-06-12');
    const v = reprimand(f.id, '2024-06-13');
    expect(v.sanctions.map((s) => s.reasonText)).toEqual([
      '违反关于报告、会客、外出、迁居等规定，情节轻微',
      '违反关于报告、会客、外出、迁居等规定，情节轻微',
    ]);
    expect(v.suggestions[0]).toMatchObject({ kind: 'warning', reason: 'two_reprimands', condition: '受到训诫后仍不改正（两次训诫）' });
    const history = t.call('audit.forEntity', { entity: 'correction', id: f.id });
    expect(history.filter((e) => JSON.stringify(e.after).includes('训诫'))).toHaveLength(2);
    const after = t.call('correction.deleteSanction', { id: v.sanctions[0]!.id });
    expect(after.sanctions).toHaveLength(1);
    expect(after.suggestions).toEqual([]);
  });

  it('suggests from the engine’s overdue reports: 脱管 over a month → 提请撤销缓刑', () => {
    const f = correctionFile(t, p, { effectiveDate: '2024-03-01', termStart: '2024-03-01', termEnd: '2025-02-28' });
    t.call('correction.saveReception', { id: f.id, reportDate: '2024-03-05' });
    const v = t.call('correction.endView', { id: f.id });
    expect(v.suggestions[0]).toMatchObject({ kind: 'revoke_probation', reason: 'absent_month' });
    expect(v.suggestions[0]!.facts).toContain('未按时报告（脱管）已');
  });

  it('refuses 治安处罚 for 假释 and a revocation that does not fit, writing nothing', () => {
    const f = correctionFile(t, p, { category: 'parole' });
    const base = { fileId: f.id, reason: 'other', reasonOther: '其他', checkDate: '2024-06-12', checkFacts: '事实' };
    expect(() => t.call('correction.saveSanction', { ...base, kind: 'penalty' })).toThrow(/假释的不适用/);
    expect(() => t.call('correction.saveSanction', { ...base, kind: 'revoke_probation' })).toThrow(/提请撤销假释/);
    expect(() => t.call('correction.saveSanction', { ...base, kind: 'warning', reason: 'late_short' })).toThrow(/所列条件/);
    expect(count('correction_sanction')).toBe(0);
  });
});

describe('closed files', () => {
  it('a minor’s file: its 考核奖惩 and end are shown and written only by its responsible staff member', () => {
    const other = t.call('staff.save', { name: '李干事', post: '司法所干部' });
    const f = correctionFile(t, p, { minor: true, responsibleStaffId: other.id });
    expect(() => t.call('correction.endView', { id: f.id })).toThrow(/依法不公开/);
    expect(() => reprimand(f.id, '2024-06-12')).toThrow(/依法不公开/);
    expect(() => t.call('assistance.fromCorrection', { ...release(f.id), handOver: true })).toThrow(/依法不公开/);
    expect(count('correction_sanction') + count('assistance_file')).toBe(0);
  });
});

describe('期满鉴定', () => {
  it('is owed the reminder days before the term end and answered by the 鉴定', () => {
    const f = correctionFile(t, p, { effectiveDate: '2023-07-20', termStart: '2023-07-20', termEnd: '2024-07-19' });
    const item = f.dueItems.find((i) => i.ruleId === RULE_IDS.appraisal)!;
    expect(item).toMatchObject({ dueDate: '2024-06-19', state: 'due_soon', label: '期满鉴定（个人总结、期满鉴定表）' });
    const v = t.call('correction.saveAppraisal', {
      fileId: f.id,
      summaryDate: '2024-06-10',
      appraisalDate: '2024-06-14',
      opinion: '认罪悔罪，表现良好',
    });
    expect(v.appraisal).toMatchObject({ opinion: '认罪悔罪，表现良好' });
    const after = t.call('correction.get', { id: f.id });
    expect(after.dueItems.find((i) => i.ruleId === RULE_IDS.appraisal)?.state).toBe('done');
  });
});

describe('解除 and 终止', () => {
  it('解除 at the term end: the file is 解除, owes nothing and is read-only; undone with a reason, it owes again', () => {
    const f = correctionFile(t, p, endedTerm);
    expect(items(f.id)).toBeGreaterThan(0);
    const v = t.call('correction.release', release(f.id));
    expect(v).toMatchObject({ status: 'released', end: { kind: 'release', reasonLabel: '矫正期满', words: '原判刑罚不再执行' } });
    expect(items(f.id)).toBe(0);
    expect(t.call('correction.get', { id: f.id }).dueItems).toEqual([]);
    expect(t.call('correction.list', { status: 'released' }).rows.map((r) => r.id)).toEqual([f.id]);
    expect(() => reprimand(f.id, '2024-06-12')).toThrow(/已解除或终止/);
    expect(() => t.call('correction.undoEnd', { fileId: f.id, reason: '' })).toThrow();
    const undone = t.call('correction.undoEnd', { fileId: f.id, reason: '误点解除' });
    expect(undone).toMatchObject({ status: 'active', end: null });
    expect(items(f.id)).toBeGreaterThan(0);
    const history = t.call('audit.forEntity', { entity: 'correction', id: f.id }).map((e) => JSON.stringify(e.after));
    expect(history[0]).toContain('误点解除');
  });

  it('refuses 解除 before the term end except by pardon', () => {
    const f = correctionFile(t, p);
    expect(() => t.call('correction.release', release(f.id))).toThrow(/期满前只能因特赦解除/);
    expect(t.call('correction.release', release(f.id, { reason: 'pardon' })).status).toBe('released');
  });

  it('终止 only for the reasons of the category', () => {
    const f = correctionFile(t, p);
    expect(() => t.call('correction.terminate', { fileId: f.id, reason: 'revoke_parole', date: '2024-06-14' })).toThrow(
      /不能以“撤销假释”终止/,
    );
    const v = t.call('correction.terminate', {
      fileId: f.id,
      reason: 'revoke_probation',
      date: '2024-06-14',
      documentNumber: '（2024）刑更1号',
    });
    expect(v).toMatchObject({ status: 'terminated', end: { reasonLabel: '撤销缓刑' } });
    expect(items(f.id)).toBe(0);
  });
});

describe('hand-over to 安置帮教', () => {
  it('creates exactly one assistance file, anchored on the 解除 date as a correction leaver and linked back', () => {
    const f = correctionFile(t, p, endedTerm);
    const r = t.call('assistance.fromCorrection', { ...release(f.id), handOver: true });
    expect(count('assistance_file')).toBe(1);
    const a = t.call('assistance.get', { id: r.assistanceId! });
    expect(a).toMatchObject({
      correctionFileId: f.id,
      releaseType: 'correction_end',
      releaseDate: '2024-06-14',
      crime: '盗窃罪',
      sentence: '有期徒刑 一年',
      period: { end: '2027-06-14', years: 3 },
      handover: { state: 'done' },
    });
    expect(r.correction.status).toBe('released');
    expect(t.call('assistance.correctionHandOver', { id: f.id }).linked?.id).toBe(a.id);
    expect(t.call('audit.forEntity', { entity: 'assistance', id: a.id }).map((e) => e.action)).toContain('create');
  });

  it('writes nothing when it fails: a live assistance file is refused unless linked', () => {
    const f = correctionFile(t, p, endedTerm);
    const live = assistanceFile(t, p, { releaseDate: '2022-01-01' });
    const audits = count('audit_log');
    expect(() => t.call('assistance.fromCorrection', { ...release(f.id), handOver: true })).toThrow(/已有在册的安置帮教档案/);
    expect(count('correction_end')).toBe(0);
    expect(count('audit_log')).toBe(audits);
    expect(t.call('correction.get', { id: f.id }).status).toBe('active');
    const linked = t.call('assistance.fromCorrection', { ...release(f.id), handOver: true, link: true });
    expect(linked.assistanceId).toBe(live.id);
    expect(count('assistance_file')).toBe(1);
    expect(t.call('assistance.get', { id: live.id }).correctionFileId).toBe(f.id);
  });

  it('rolls the 解除 back when the assistance file cannot be written', () => {
    const f = correctionFile(t, p, endedTerm);
    t.ledger.db.exec('UPDATE staff SET active = 0 WHERE id = (SELECT responsible_staff_id FROM correction_file LIMIT 1)');
    expect(() => t.call('assistance.fromCorrection', { ...release(f.id), handOver: true })).toThrow(/责任人/);
    expect(count('assistance_file')).toBe(0);
    expect(count('correction_end')).toBe(0);
    expect(t.call('correction.get', { id: f.id }).status).toBe('active');
  });

  it('a new correction file of a person in their 帮教期 is recorded as 重新犯罪 on the assistance file', () => {
    const a = assistanceFile(t, p);
    const f = correctionFile(t, p, { crime: '诈骗罪', effectiveDate: '2024-06-10' });
    const after = t.call('assistance.get', { id: a.id });
    expect(after.records.map((r) => [r.kind, r.date, r.crime])).toEqual([['reoffence', '2024-06-10', '诈骗罪']]);
    expect(JSON.stringify(t.call('audit.forEntity', { entity: 'assistance', id: a.id })[0]!.after)).toContain('重新违法犯罪');
    expect(f.status).toBe('active');
  });
});
