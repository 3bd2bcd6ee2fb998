/**
 * The screens that span modules read the host's registry (db/modules.ts), keyed by the vocabulary
 * (shared/modules.ts): the person page lists every file a person has, the recycle bin has a section
 * per module, attachments know their owners. Each case here goes through the router, as the window does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentOwners, hostModules, recycleSources } from '../../../db/modules';
import { ATTACHMENT_OWNERS, MODULE_INFO, MODULES } from '../../../shared/modules';
import type { Dispute } from '../../../shared/schemas/disputes';
import type { Person } from '../../../shared/schemas/persons';
import { RECYCLE_COLUMNS, RECYCLE_SECTIONS } from '../../../shared/schemas/recycle';
import { caseFromDispute, dispute, followupFile, person } from '../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../helpers/test-db';

let t: TestLedger;
let a: Person;
let b: Person;
let registered: Dispute;

beforeEach(() => {
  t = openTestLedger();
  a = person(t, { name: '张三' });
  b = person(t, { name: '李四' });
  registered = dispute(t, [a, b]);
});
afterEach(() => t.close());

const openCase = () => caseFromDispute(t, registered);

describe('the registry', () => {
  it('finds every schema file in the schema index (drizzle-kit generates migrations from it)', () => {
    const dir = fileURLToPath(new URL('../../../db/schema', import.meta.url));
    const index = readFileSync(join(dir, 'index.ts'), 'utf8');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'common.ts');
    expect(files.filter((f) => !index.includes(`from './${f.replace(/\.ts$/, '')}'`))).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(MODULES.length);
  });

  it('has an entry for every module of the vocabulary, and an attachment owner for each owner type', () => {
    expect(Object.keys(hostModules)).toEqual([...MODULES]);
    expect(Object.keys(attachmentOwners).sort()).toEqual([...ATTACHMENT_OWNERS].sort());
    expect(Object.keys(recycleSources)).toEqual([...RECYCLE_SECTIONS]);
    for (const m of MODULES) expect(hostModules[m].attachmentOwner === null, m).toBe(MODULE_INFO[m].attachmentOwner === null);
  });
});

describe('the person page', () => {
  it('lists every file a person has, in every module, with where it lives', () => {
    const c = openCase();
    const f = followupFile(t, a);
    const d = t.call('persons.get', { id: a.id });
    expect(d.records.map((r) => [r.module, r.id, r.role, r.status])).toEqual([
      ['followup', f.id, '黄色（一般关注）', '在管'],
      ['disputes', registered.id, '申请人', '调处中'],
      ['mediation', c.id, '申请人', '调解中'],
    ]);
    expect(d.records[0]!.title).toBe('邪教人员档案');
    // A deleted file leaves the page (and waits in the recycle bin).
    t.call('followup.delete', { id: f.id });
    expect(t.call('persons.get', { id: a.id }).records.map((r) => r.module)).toEqual(['disputes', 'mediation']);
    expect(t.call('persons.get', { id: b.id }).records.map((r) => r.module)).toEqual(['disputes', 'mediation']);
  });

  it('keeps the party names of registrations in step with a renamed person', () => {
    t.call('persons.update', { id: a.id, name: '张三丰' });
    expect(t.call('disputes.get', { id: registered.id }).parties.map((p) => p.name)).toEqual(['张三丰', '李四']);
    expect(t.call('disputes.list', {}).rows[0]!.parties).toBe('张三丰、李四');
  });
});

describe('the recycle bin', () => {
  const bin = () => t.call('recycle.list', {});
  const section = (name: string) => bin().find((s) => s.section === name)!;

  it('has a section per module and one for attachments, each row in its columns, and restores through the module', () => {
    const c = openCase();
    const f = followupFile(t, b);
    expect(bin().map((s) => [s.section, s.total])).toEqual(RECYCLE_SECTIONS.map((s) => [s, 0]));
    t.call('mediation.delete', { id: c.id });
    t.call('followup.delete', { id: f.id });
    t.call('disputes.delete', { id: registered.id });
    const orphan = t.call('persons.create', { name: '王五' });
    t.call('persons.delete', { id: orphan.id });

    for (const s of bin())
      expect(
        s.rows.every((r) => r.cells.length === RECYCLE_COLUMNS[s.section].length),
        s.section,
      ).toBe(true);
    expect(section('disputes').rows.map((r) => r.cells)).toEqual([[registered.caseNo, '邻里纠纷', '张三、李四']]);
    expect(section('mediation').rows.map((r) => [r.name, ...r.cells])).toEqual([[c.caseNo, c.caseNo, '张三、李四']]);
    expect(section('followup').rows.map((r) => [r.name, ...r.cells])).toEqual([['李四的档案', '李四', '邪教人员', '2024-05-01']]);
    expect(section('persons').rows.map((r) => r.cells)).toEqual([['王五', '']]);

    t.call('recycle.restore', { section: 'followup', id: f.id });
    expect(section('followup').total).toBe(0);
    expect(t.call('followup.get', { id: f.id }).deletedAt).toBeNull();
    // The module's own refusals stand: a record of another section is not found there.
    expect(t.raw('recycle.restore', { section: 'persons', id: registered.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(t.raw('recycle.restore', { section: 'ledger', id: registered.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
