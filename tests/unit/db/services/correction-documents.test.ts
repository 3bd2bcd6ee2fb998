/**
 * The forms of a correction file's 司法所工作档案 (REVIEW §5.6) as Word, built on a real ledger: the 基本情况表,
 * the 报到登记表 and the 入矫宣告书 with what the file holds, records and monthly hours, forms the file cannot
 * fill refused in Chinese, a minor's closed file refused to a colleague, an audit line per form.
 */
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorrectionFileView } from '../../../../shared/schemas/correction';
import type { Input } from '../../../../shared/contract';
import { assistanceFile, correctionFile, firstStaffId, person } from '../../../helpers/builders';
import { makeIdNumber, openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let f: CorrectionFileView;

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  t.call('session.setOperator', { staffId: firstStaffId(t) });
  const p = person(t, { name: '钱矫', idNumber: makeIdNumber('110105', '19800501', '123') });
  f = correctionFile(t, p, { prohibition: '禁止进入娱乐场所', prohibitionStart: '2024-06-10', prohibitionEnd: '2024-12-09' });
});
afterEach(() => t.close());

const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function words(doc: Input<'correction.document'>['doc']) {
  const file = await t.callAsync('correction.document', { id: f.id, doc });
  const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
  return { file, text: text(await zip.file('word/document.xml')!.async('string')) };
}

describe('correction documents (.docx)', () => {
  it('writes the 基本情况表 from the documents the file copies', async () => {
    const { file, text: w } = await words('basic');
    expect(file.fileName).toBe('钱矫 社区矫正对象基本情况表.docx');
    for (const part of [
      '公民身份号码110105198005011',
      '矫正类别缓刑',
      '罪名盗窃罪',
      '原判刑罚有期徒刑一年',
      '禁止令禁止进入娱乐场所（2024-06-10至2024-12-09）',
      '判决书 （2024）某0101刑初12号',
      '矫正期限2024年6月10日至2025年6月9日',
    ])
      expect(w).toContain(part);
  });

  it('writes the 报到登记表 and the 入矫宣告书 once they are recorded, refused before', async () => {
    await expect(t.callAsync('correction.document', { id: f.id, doc: 'declaration' })).rejects.toMatchObject({
      wire: { code: 'INVALID_TRANSITION', message: '暂不能生成入矫宣告书：尚未登记入矫宣告。' },
    });
    f = t.call('correction.saveReception', {
      id: f.id,
      reportDate: '2024-06-14',
      declarationDate: '2024-06-14',
      declarationHost: '王所长',
      declarationAttendees: '村主任、家属',
    });
    expect((await words('reportIn')).text).toContain('报到情况按时报到');
    const d = (await words('declaration')).text;
    for (const part of [
      '社区矫正对象钱矫：',
      '一、你因犯盗窃罪，经某县人民法院以（2024）某0101刑初12号判决书判处有期徒刑一年，依法实行社区矫正',
      '二、社区矫正期限自2024年6月10日起至2025年6月9日止。',
      '四、你应当遵守禁止令：禁止进入娱乐场所（2024年6月10日至2024年12月9日）。',
      '宣告人：王所长',
      '参加人员：村主任、家属',
    ])
      expect(d).toContain(part);
  });

  it('lists reports, visits and the month’s hours against the target', async () => {
    t.call('correction.saveEvent', { fileId: f.id, kind: 'report', date: '2024-06-14', method: '当面报告', content: '汇报思想' });
    t.call('correction.saveEvent', { fileId: f.id, kind: 'visit', date: '2024-06-14', method: '实地查访', content: '在家务农' });
    f = t.call('correction.saveEvent', { fileId: f.id, kind: 'public', date: '2024-06-15', hours: 4, content: '清扫村道' });
    expect((await words('reports')).text).toContain('2024年6月14日定期报告当面报告汇报思想');
    expect((await words('visits')).text).toContain('2024年6月14日实地查访在家务农');
    expect((await words('hours')).text).toMatch(/2024年6月15日公益活动4小时清扫村道.*2024年06月公益活动4小时\d+小时未完成/);
  });

  it('keeps a minor’s closed file from a colleague, and audits each form taken out', async () => {
    await words('basic');
    const exported = t.ledger.db.prepare("SELECT after FROM audit_log WHERE entity = 'correction' AND action = 'export'").all() as {
      after: string;
    }[];
    expect(exported.map((r) => JSON.parse(r.after).文书)).toEqual(['社区矫正对象基本情况表']);
    const q = person(t, { name: '孙少' });
    const minor = correctionFile(t, q, { minor: true });
    const other = t.call('staff.save', { name: '李同事' });
    t.call('session.setOperator', { staffId: other.id });
    await expect(t.callAsync('correction.document', { id: minor.id, doc: 'basic' })).rejects.toMatchObject({
      wire: { code: 'UNAUTHORIZED' },
    });
  });
});

describe('the forms of the end', () => {
  it('writes the 考核奖惩记录, the 期满鉴定表 and the 解除社区矫正宣告书 once they are recorded', async () => {
    for (const doc of ['sanctions', 'appraisal', 'release'] as const)
      await expect(t.callAsync('correction.document', { id: f.id, doc })).rejects.toMatchObject({ wire: { code: 'INVALID_TRANSITION' } });
    t.call('correction.saveSanction', {
      fileId: f.id,
      kind: 'reprimand',
      reason: 'rules_minor',
      checkDate: '2024-06-12',
      checkFacts: '未经批准外出一日',
      decisionDate: '2024-06-13',
      decisionNumber: '某司矫训字〔2024〕3号',
    });
    expect((await words('sanctions')).text).toContain('2024年6月12日训诫违反关于报告、会客、外出、迁居等规定，情节轻微未经批准外出一日');
    const later = t.onDay('2025-06-09');
    later.call('correction.saveAppraisal', {
      fileId: f.id,
      summaryDate: '2025-05-01',
      appraisalDate: '2025-05-10',
      opinion: '遵纪守法，表现良好',
    });
    const appraisal = (await t.callAsync('correction.document', { id: f.id, doc: 'appraisal' })).fileName;
    expect(appraisal).toBe('钱矫 社区矫正期满鉴定表.docx');
    later.call('correction.release', {
      fileId: f.id,
      reason: 'expiry',
      date: '2025-06-09',
      certificateNumber: '解矫字〔2025〕7号',
      declarationDate: '2025-06-09',
      declarationHost: '王所长',
    });
    const file = await t.callAsync('correction.document', { id: f.id, doc: 'release' });
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const w = text(await zip.file('word/document.xml')!.async('string'));
    expect(w).toContain('你的社区矫正期限至2025年6月9日届满，依法解除社区矫正，原判刑罚不再执行。');
    expect(w).toContain('解除社区矫正证明书编号：解矫字〔2025〕7号');
  });
});

describe('the forms of supervision', () => {
  it('writes the 矫正小组名单, the 矫正方案, the 外出审批表, the 审批告知书 and the 电子定位审批表 from the records', async () => {
    t.call('correction.saveTeam', {
      fileId: f.id,
      pledgeDate: '2024-06-12',
      members: [
        { name: '王所员', role: '司法所工作人员', sex: 'M', phone: '' },
        { name: '李主任', role: '村/居委会', sex: 'F', phone: '13800138000' },
      ],
    });
    t.call('correction.savePlan', { fileId: f.id, date: '2024-06-12', content: '每周电话核查一次，每月走访一次' });
    t.call('correction.saveApproval', {
      fileId: f.id,
      kind: 'leave',
      applyDate: '2024-06-08',
      startDate: '2024-06-11',
      endDate: '2024-06-14',
      destination: '杭州市',
      reason: '探望父亲',
      approver: '王所长',
      approvalDate: '2024-06-10',
      returnDate: '2024-06-14',
    });
    t.call('correction.saveApproval', {
      fileId: f.id,
      kind: 'visitor',
      applyDate: '2024-06-12',
      startDate: '2024-06-13',
      reason: '会见律师',
      approver: '王所长',
      approvalDate: '2024-06-12',
    });
    t.call('correction.saveMonitor', {
      fileId: f.id,
      ground: 'left',
      approver: '县司法局赵局长',
      approvalDate: '2024-06-11',
      documentNumber: '某司矫〔2024〕3号',
      startDate: '2024-06-12',
      endDate: '2024-09-12',
    });
    expect((await words('team')).text).toContain('2李主任村/居委会女13800138000');
    expect((await words('plan')).text).toContain('每周电话核查一次，每月走访一次');
    const leave = (await words('leave')).text;
    for (const part of ['目的地杭州市', '2024年6月11日至2024年6月14日天数3日', '审批机关司法所', '销假日期2024年6月14日'])
      expect(leave).toContain(part);
    expect((await words('permits')).text).toContain('你于2024年6月12日申请会客，事由：会见律师。经审核，予以批准，日期为2024年6月13日。');
    const monitor = (await words('monitor')).text;
    expect(monitor).toContain('无正当理由，未经批准离开所居住的市、县的（社区矫正法第二十九条）');
    expect(monitor).toContain('现期限至2024年9月12日');
  });
});

describe('papers kept on the files', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

  it('keeps the scanned 法律文书 on a correction file and the 通知书 on an assistance file; a minor’s papers only for its holder', () => {
    const added = t.call('attachments.add', {
      ownerType: 'correction_file',
      ownerId: f.id,
      fileName: '执行通知书.png',
      kind: 'document',
      base64: PNG.toString('base64'),
    });
    expect(t.call('attachments.list', { ownerType: 'correction_file', ownerId: f.id }).map((a) => [a.fileName, a.kind])).toEqual([
      ['执行通知书.png', 'document'],
    ]);
    const released = assistanceFile(t, person(t, { name: '孙释' }));
    t.call('attachments.add', {
      ownerType: 'assistance_file',
      ownerId: released.id,
      fileName: '刑满释放人员通知书.png',
      kind: 'document',
      base64: PNG.toString('base64'),
    });
    expect(t.call('attachments.list', { ownerType: 'assistance_file', ownerId: released.id })).toHaveLength(1);
    // A minor's closed file: its papers are as closed as the file
    const minor = correctionFile(t, person(t, { name: '孙少' }), { minor: true });
    const paper = t.call('attachments.add', {
      ownerType: 'correction_file',
      ownerId: minor.id,
      fileName: '判决书.png',
      kind: 'document',
      base64: PNG.toString('base64'),
    });
    const other = t.call('staff.save', { name: '李同事' });
    t.call('session.setOperator', { staffId: other.id });
    expect(t.raw('attachments.list', { ownerType: 'correction_file', ownerId: minor.id })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(t.raw('attachments.get', { id: paper.id })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(t.raw('attachments.get', { id: added.id })).toMatchObject({ ok: true });
  });
});
