/**
 * The forms of an 安置帮教 file (REVIEW §6.5) as Word: built from the file on a real ledger, each form's
 * content, the whole file in order with only the forms it can fill, the ones it cannot refused in
 * Chinese, and an audit line per form taken out.
 */
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assistanceDocs } from '../../../../shared/documents/assistance';
import type { AssistanceFileView } from '../../../../shared/schemas/assistance';
import { assistanceFile, person } from '../../../helpers/builders';
import { makeIdNumber, openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let f: AssistanceFileView;

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  const p = person(t, { name: '孙释', idNumber: makeIdNumber('110105', '19800501', '123') });
  f = assistanceFile(t, p, { certificateNumber: '（2024）释字第18号', noticeDate: '2024-05-02' });
  t.call('assistance.saveHandover', {
    id: f.id,
    state: 'done',
    method: 'family',
    returnDate: '2024-06-02',
    receiver: '孙母',
    registerDate: '2024-06-03',
    note: '由母亲接回',
  });
  t.call('assistance.saveRecord', { fileId: f.id, kind: 'visit', method: '走访', date: '2024-06-08', content: '在家，情绪稳定' });
  f = t.call('assistance.saveRecord', {
    fileId: f.id,
    kind: 'aid',
    aidType: '临时救助',
    amount: 800,
    date: '2024-06-10',
    content: '生活困难',
  });
});
afterEach(() => t.close());

/** The visible text of a WordprocessingML part. */
const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function words(doc: Parameters<typeof t.callAsync<'assistance.document'>>[1]['doc']) {
  const file = await t.callAsync('assistance.document', { id: f.id, doc });
  const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
  return { file, text: text(await zip.file('word/document.xml')!.async('string')) };
}

describe('安置帮教 documents (.docx)', () => {
  it('writes the 衔接登记表 from the file', async () => {
    const { file, text: w } = await words('handover');
    expect(file.fileName).toBe('孙释 刑满释放人员衔接登记表.docx');
    for (const part of [
      '刑满释放人员衔接登记表',
      '公民身份号码110105198005011',
      '罪名盗窃罪',
      '释放日期2024年6月1日',
      '（2024）释字第18号',
      '通知书收到日期2024年5月2日',
      '衔接方式家属接回',
      '接回人孙母',
      '衔接情况由母亲接回',
    ])
      expect(w).toContain(part);
  });

  it('lists visits and aid with the total, and the whole file keeps only the forms it can fill', async () => {
    expect((await words('visits')).text).toContain('2024年6月8日走访在家，情绪稳定');
    expect((await words('aid')).text).toMatch(/2024年6月10日临时救助800\.00元生活困难.*临时救助合计800\.00元/);
    expect(
      assistanceDocs(f)
        .filter((d) => !d.ready)
        .map((d) => [d.key, d.why]),
    ).toEqual([
      ['team', '尚未登记帮教小组'],
      ['end', '帮教尚未结束'],
    ]);
    const whole = (await words('file')).text;
    expect(whole.indexOf('安置帮教档案')).toBeLessThan(whole.indexOf('刑满释放人员衔接登记表'));
    expect(whole).not.toContain('帮教协议');
    expect(whole).not.toContain('解除帮教登记表');
  });

  it('refuses a form the file cannot fill yet, and audits each one taken out', async () => {
    await expect(t.callAsync('assistance.document', { id: f.id, doc: 'end' })).rejects.toMatchObject({
      wire: { code: 'INVALID_TRANSITION', message: '暂不能生成解除帮教登记表：帮教尚未结束。' },
    });
    t.call('assistance.saveTeam', {
      id: f.id,
      agreementDate: '2024-06-05',
      members: [
        { name: '王所长', role: '司法所工作人员' },
        { name: '孙母', role: '亲属' },
      ],
    });
    const team = (await words('team')).text;
    expect(team).toContain('王所长司法所工作人员');
    expect(team).toContain('帮教期限自2024年6月1日起至2029年6月1日止');
    const exported = t.ledger.db
      .prepare("SELECT after FROM audit_log WHERE entity = 'assistance' AND action = 'export' ORDER BY rowid")
      .all() as { after: string }[];
    expect(exported.map((r) => JSON.parse(r.after).文书)).toEqual(['帮教小组名单及帮教协议']);
  });
});
