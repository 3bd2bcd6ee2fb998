import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLedger } from '../../../../db/open';
import { createHost, dispatch, invoke } from '../../../../db/router';
import { fixedClock } from '../../../../db/context';
import type { Attachment } from '../../../../shared/schemas/attachments';
import type { MediationCase } from '../../../../shared/schemas/mediation';
import { openTestLedger, tempDir, TODAY, type TestLedger } from '../../../helpers/test-db';
import type { Caller } from '../../../helpers/builders';

/** A real 1×1 PNG and a minimal PDF. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

let t: TestLedger;
let caseId: string;

function createCase(t: Caller, staffId: string): MediationCase {
  const person = t.call('persons.create', { name: '张三' });
  return t.call('mediation.create', {
    origin: 'application',
    acceptedDate: '2024-05-08',
    mediatingBody: 'township',
    category: '01',
    summary: '赡养费纠纷',
    parties: [{ personId: person.id, role: 'applicant' }],
    mediatorIds: [staffId],
  });
}

beforeEach(() => {
  t = openTestLedger();
  caseId = createCase(t, t.call('staff.list', {})[0]!.id).id;
});
afterEach(() => t.close());

const add = (bytes: Buffer, fileName: string, extra: Record<string, unknown> = {}) =>
  t.raw('attachments.add', {
    ownerType: 'mediation_case',
    ownerId: caseId,
    fileName,
    kind: 'agreement',
    base64: bytes.toString('base64'),
    ...extra,
  });
const addOk = (bytes: Buffer, fileName: string) => {
  const r = add(bytes, fileName);
  if (!r.ok) throw new Error(`${fileName}: ${r.error.message}`);
  return r.value as Attachment;
};
const list = () => t.call('attachments.list', { ownerType: 'mediation_case', ownerId: caseId });
const counts = () => ({
  attachments: (t.ledger.db.prepare('SELECT count(*) AS n FROM attachment').get() as { n: number }).n,
  audit: (t.ledger.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
});
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('attachments', () => {
  it('keeps a PNG and a PDF and gives back the same bytes', () => {
    const png = addOk(PNG, '协议书.png');
    const pdf = addOk(PDF, '调解协议书（签字）.pdf');
    expect(png).toMatchObject({
      fileName: '协议书.png',
      mime: 'image/png',
      sizeBytes: PNG.length,
      sha256: sha(PNG),
      kind: 'agreement',
      createdBy: '王调解',
      createdAt: `${TODAY}T08:00:00.000Z`,
    });
    expect(pdf).toMatchObject({ fileName: '调解协议书（签字）.pdf', mime: 'application/pdf', sizeBytes: PDF.length });
    for (const [a, bytes] of [
      [png, PNG],
      [pdf, PDF],
    ] as const) {
      const file = t.call('attachments.get', { id: a.id });
      expect(file.fileName).toBe(a.fileName);
      expect(file.mime).toBe(a.mime);
      expect(Buffer.from(file.base64, 'base64').equals(bytes)).toBe(true);
    }
    expect(list().map((a) => a.fileName)).toEqual(['协议书.png', '调解协议书（签字）.pdf']);
  });

  it('recognises every accepted type by its first bytes, whatever the name says', () => {
    const pad = Buffer.alloc(32);
    const bmp = Buffer.concat([Buffer.from('BM'), Buffer.from([70, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0]), pad]);
    const cases: [Buffer, string, string, string][] = [
      [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), pad]), '照片.JPEG', 'image/jpeg', '照片.JPEG'],
      [Buffer.concat([Buffer.from('GIF89a'), pad]), 'a.gif', 'image/gif', 'a.gif'],
      [Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), pad]), 'a.webp', 'image/webp', 'a.webp'],
      [bmp, 'a.bmp', 'image/bmp', 'a.bmp'],
      [Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00]), pad]), 'scan.tiff', 'image/tiff', 'scan.tiff'],
      [Buffer.concat([Buffer.from([0x4d, 0x4d, 0x00, 0x2a]), pad]), 'scan.tif', 'image/tiff', 'scan.tif'],
      // The extension is corrected to the real type.
      [PNG, 'photo.JPG', 'image/png', 'photo.png'],
      [PDF, '报告2024.06.15', 'application/pdf', '报告2024.06.15.pdf'],
      [PNG, 'scan.PNG', 'image/png', 'scan.PNG'],
    ];
    for (const [bytes, name, mime, stored] of cases) expect(addOk(bytes, name), name).toMatchObject({ mime, fileName: stored });
  });

  it('refuses other files with a Chinese message and writes nothing', () => {
    const before = counts();
    const refused: [Buffer, string, RegExp][] = [
      [
        Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]),
        '照片.jpg',
        /只能上传图片（JPG、PNG.*）或 PDF 文件/,
      ],
      [Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'), 'page.html', /只能上传图片/],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'x.png', /只能上传图片/],
      [Buffer.from('BMW 车辆照片说明'), 'car.bmp', /只能上传图片/],
      [Buffer.alloc(0), 'empty.png', /文件是空的/],
      // One byte over the limit: the base64 is no longer than that of 20 MB, so the service itself says no.
      [Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024 + 1 - PNG.length)]), 'big.png', /^文件过大（20\.0 MB），单个附件不能超过 20 MB$/],
    ];
    for (const [bytes, name, message] of refused) {
      const r = add(bytes, name);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.message, name).toMatch(message);
    }
    // 21 MB is refused by the input schema already, with the same sentence.
    const huge = add(Buffer.concat([PNG, Buffer.alloc(21 * 1024 * 1024 - PNG.length)]), 'huge.png');
    expect(huge).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('文件过大（21.0 MB），单个附件不能超过 20 MB') },
    });
    expect(add(PNG, 'x.png', { base64: '<not base64>' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(add(PNG, 'x.png', { kind: 'selfie' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(add(PNG, 'x.png', { ownerType: 'person' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(add(PNG, 'x.png', { ownerId: `01H${'Z'.repeat(23)}` })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(counts()).toEqual(before);
  });

  it('stores names sanitised (RELIABILITY T12): no path parts, invisible characters, device names or stream names', () => {
    const names: [string, string][] = [
      ['../../x.png', 'x.png'],
      ['..\\..\\x.png', 'x.png'],
      ['C:\\Windows\\x.png', 'x.png'],
      ['\\\\server\\share\\x', 'x.png'],
      ['/etc/passwd', 'passwd.png'],
      ['CON.png', '_CON.png'],
      ['nul.tar.png', '_nul.tar.png'],
      ['COM1', '_COM1.png'],
      ['lpt9 .png', '_lpt9.png'],
      ['a.png:evil', 'a.png_evil.png'],
      ['x.png.', 'x.png'],
      ['x.png  ', 'x.png'],
      ['.hidden.png', 'hidden.png'],
      ['\u202Egnp.exe', 'gnp.png'],
      ['invoice\u202Egnp.exe', 'invoicegnp.png'],
      ['零\u200B宽\u200D字\uFEFF符.png', '零宽字符.png'],
      ['tab\there\r\n.png', 'tabhere.png'],
      ['<img src=x onerror=alert(1)>.png', '_img src=x onerror=alert(1)_.png'],
      ['扫描件：协议 第1页.png', '扫描件：协议 第1页.png'],
      ['', '附件.png'],
      ['...', '附件.png'],
      ['..\\', '附件.png'],
    ];
    for (const [raw, stored] of names) expect(addOk(PNG, raw).fileName, JSON.stringify(raw)).toBe(stored);

    const long = addOk(PNG, `${'长'.repeat(300)}.png`).fileName;
    expect(long).toBe(`${'长'.repeat(116)}.png`);
    expect(long.length).toBe(120);
    for (const a of list()) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for the characters the name must not keep.
      expect(a.fileName).not.toMatch(/[/\\:<>"|?*\u0000-\u001F\u200B-\u200F\u202A-\u202E\uFEFF]/);
      expect(a.fileName).not.toMatch(/[. ]$/);
    }
  });

  it('audits every write with the name, size, hash and category but never the bytes', () => {
    const a = addOk(PDF, '协议.pdf');
    t.call('attachments.delete', { id: a.id });
    t.call('recycle.restore', { section: 'attachments', id: a.id });
    const rows = t.ledger.db
      .prepare("SELECT action, before, after FROM audit_log WHERE entity = 'attachment' AND entity_id = ? ORDER BY id")
      .all(a.id) as {
      action: string;
      before: string | null;
      after: string | null;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['create', 'delete', 'restore']);
    const created = JSON.parse(rows[0]!.after!) as Record<string, unknown>;
    expect(created).toEqual({
      ownerType: 'mediation_case',
      ownerId: caseId,
      fileName: '协议.pdf',
      kind: 'agreement',
      mime: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha(PDF),
    });
    for (const r of rows) {
      const text = `${r.before ?? ''}${r.after ?? ''}`;
      expect(text).not.toContain(PDF.toString('base64').slice(0, 40));
      expect(text).not.toContain('%PDF');
    }
    // The case's own history shows the attachment's lines among its own.
    const history = t.call('audit.forEntity', { entity: 'mediation', id: caseId });
    expect(history.filter((e) => e.entity === 'attachment').map((e) => e.action)).toEqual(['restore', 'delete', 'create']);
    expect(history.at(-1)!.entity).toBe('mediation');
  });

  it('lists metadata only: the statement never reads the data column, and uses the owner index', () => {
    addOk(PNG, 'a.png');
    // Capture the statement the service prepares (a fresh ledger, so nothing is cached yet).
    const prepare = vi.spyOn(t.ledger.db, 'prepare');
    const rows = list();
    const sql = prepare.mock.calls.map((c) => c[0]).find((s) => /FROM attachment WHERE owner_type/.test(s))!;
    prepare.mockRestore();
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'createdAt',
      'createdBy',
      'fileName',
      'id',
      'kind',
      'mime',
      'ownerId',
      'ownerType',
      'sha256',
      'sizeBytes',
    ]);

    const params = ['mediation_case', caseId];
    const plan = (t.ledger.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toContain('attachment_owner_live');
    expect(plan).not.toContain('TEMP B-TREE');
    // In the bytecode, no Column instruction on the table's cursor reads column 13 (`data`, the last one).
    const dataColumn = (t.ledger.db.prepare("SELECT cid FROM pragma_table_info('attachment') WHERE name = 'data'").get() as { cid: number })
      .cid;
    const root = (t.ledger.db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'attachment'").get() as { rootpage: number })
      .rootpage;
    const code = t.ledger.db.prepare(`EXPLAIN ${sql}`).all(...params) as { opcode: string; p1: number; p2: number }[];
    const tableCursors = code.filter((op) => op.opcode === 'OpenRead' && op.p2 === root).map((op) => op.p1);
    expect(tableCursors).toHaveLength(1);
    expect(code.filter((op) => op.opcode === 'Column' && tableCursors.includes(op.p1) && op.p2 === dataColumn)).toEqual([]);
  });

  it('deletes to the recycle bin and restores, and follows its case', () => {
    const a = addOk(PNG, '身份证.png');
    t.call('attachments.delete', { id: a.id });
    expect(list()).toEqual([]);
    expect(t.raw('attachments.get', { id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(t.raw('attachments.delete', { id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const caseNo = t.call('mediation.get', { id: caseId }).caseNo;
    const bin = () => t.call('recycle.list', {}).find((s) => s.section === 'attachments')!;
    expect(bin()).toEqual({
      section: 'attachments',
      total: 1,
      rows: [
        { id: a.id, name: '身份证.png', cells: ['身份证.png', '协议书原件', `调解案件 ${caseNo}`], deletedAt: `${TODAY}T08:00:00.000Z` },
      ],
    });

    t.call('recycle.restore', { section: 'attachments', id: a.id });
    expect(list().map((x) => x.id)).toEqual([a.id]);
    expect(bin()).toEqual({ section: 'attachments', total: 0, rows: [] });
    expect(t.raw('recycle.restore', { section: 'attachments', id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // A deleted case takes no new attachments; its own stay readable, and one deleted with it waits for the case.
    t.call('attachments.delete', { id: a.id });
    const b = addOk(PDF, '协议.pdf');
    t.call('mediation.delete', { id: caseId });
    expect(add(PNG, 'x.png')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '该调解案件不存在或已删除，不能添加附件。' },
    });
    expect(list().map((x) => x.id)).toEqual([b.id]);
    expect(t.raw('recycle.restore', { section: 'attachments', id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(caseNo) },
    });
    t.call('recycle.restore', { section: 'mediation', id: caseId });
    t.call('recycle.restore', { section: 'attachments', id: a.id });
    expect(list().map((x) => x.id)).toEqual([a.id, b.id]);
  });
});

describe('migration 0003_attachments', () => {
  it('upgrades a ledger with a real case from the previous version, which then takes attachments', () => {
    // The app version before attachments: the migrations up to 0002 only.
    const dir = tempDir();
    const folder = join(dir, 'previous-migrations');
    cpSync(fileURLToPath(new URL('../../../../db/migrations', import.meta.url)), folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const from = journal.entries.findIndex((e) => e.tag === '0003_attachments');
    const later = journal.entries.splice(from);
    writeFileSync(journalPath, JSON.stringify(journal));
    for (const e of later) rmSync(join(folder, `${e.tag}.sql`));

    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: folder });
    const oldHost = createHost(old, { clock: fixedClock(TODAY), log: () => {} });
    const oldApp: Caller = {
      call(method, input) {
        const r = invoke(oldHost, method, input);
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
        return r.value;
      },
    };
    oldApp.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    // The case as that version wrote it (today's services write today's columns, so the rows go in as they were)
    const at = '2024-05-08T08:00:00.000Z';
    const staffId = (old.db.prepare('SELECT id FROM staff LIMIT 1').get() as { id: string }).id;
    const c = { id: '01HZC000000000000000000001', caseNo: '（2024）高寨乡人调字第1号' };
    old.db
      .prepare(
        "INSERT INTO person (id, name, name_pinyin, name_initials, created_at, updated_at) VALUES ('01HZP000000000000000000001', '张三', 'zhangsan', 'zs', ?, ?)",
      )
      .run(at, at);
    old.db
      .prepare(
        `INSERT INTO mediation_case (id, case_no, case_year, case_seq, origin, mediating_body, committee_name, accepted_date, category, summary,
           parties_text, mediators_text, created_at, updated_at)
         VALUES (?, ?, 2024, 1, 'application', 'township', '高寨乡人民调解委员会', '2024-05-08', '01', '赡养费纠纷', '张三', '王调解', ?, ?)`,
      )
      .run(c.id, c.caseNo, at, at);
    old.db
      .prepare(
        "INSERT INTO mediation_party (id, case_id, person_id, role, ord) VALUES ('01HZY000000000000000000001', ?, '01HZP000000000000000000001', 'applicant', 0)",
      )
      .run(c.id);
    old.db
      .prepare("INSERT INTO mediation_mediator (id, case_id, staff_id, ord) VALUES ('01HZM000000000000000000001', ?, ?, 0)")
      .run(c.id, staffId);
    expect(old.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'attachment'").get()).toBeUndefined();
    old.close();

    const now = openLedger(path, { clock: fixedClock(TODAY, '12:00:00') });
    try {
      expect(now.migration).toEqual({
        applied: later.length,
        backupPath: join(`${path}.backups`, `ledger-${TODAY.replaceAll('-', '')}-120000-before-migration.db`),
      });
      const host = createHost(now, { clock: fixedClock(TODAY), log: () => {} });
      expect(dispatch(host, 'mediation.get', { id: c.id })).toMatchObject({ ok: true, value: { caseNo: c.caseNo, summary: '赡养费纠纷' } });
      const added = dispatch(host, 'attachments.add', {
        ownerType: 'mediation_case',
        ownerId: c.id,
        fileName: 'a.png',
        kind: 'other',
        base64: PNG.toString('base64'),
      });
      expect(added).toMatchObject({ ok: true, value: { fileName: 'a.png' } });
      expect(now.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      now.close();
    }
  });
});
