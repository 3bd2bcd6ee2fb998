import { describe, expect, it } from 'vitest';
import { availableDocs, buildMediationDocument, dossierOrder } from '../../../../shared/documents/mediation';
import { cnAmount, cnDate, type Block } from '../../../../shared/documents/model';
import type { Agreement, MediationCase } from '../../../../shared/schemas/mediation';

const base: MediationCase = {
  id: '01J00000000000000000000000',
  caseNo: '（2024）高寨乡人调字第7号',
  disputeId: null,
  disputeCaseNo: null,
  origin: 'initiative',
  senderUnit: null,
  mediatingBody: 'township',
  committeeName: '高寨乡人民调解委员会',
  acceptedDate: '2024-03-05',
  category: '01',
  landContract: false,
  summary: '赡养费纠纷',
  amountYuan: 1200,
  outcome: null,
  outcomeReason: null,
  terminationReason: null,
  guidance: [],
  closedDate: null,
  handling: null,
  extensions: [],
  labourNotice: null,
  arbitrationToldDate: null,
  parties: [
    {
      personId: 'P1',
      role: 'applicant',
      name: '王大妈',
      sex: 'F',
      idNumber: null,
      phone: null,
      address: null,
      birthDate: '1950-08-20',
      ethnicity: '汉族',
      kind: 'person',
      occupation: '农民',
      workUnit: null,
      creditCode: null,
      legalRep: null,
      agents: [],
    },
    {
      personId: 'P2',
      role: 'respondent',
      name: '王小二',
      sex: 'M',
      idNumber: null,
      phone: null,
      address: null,
      birthDate: null,
      ethnicity: null,
      kind: 'person',
      occupation: '职工',
      workUnit: '某某建材厂',
      creditCode: null,
      legalRep: null,
      agents: [],
    },
  ],
  mediators: [{ staffId: 'S1', name: '李调解' }],
  records: [],
  agreement: null,
  visits: [],
  reports: [],
  createdAt: '2024-03-05T00:00:00Z',
  updatedAt: '2024-03-05T00:00:00Z',
  deletedAt: null,
};

const agreement = (over: Partial<Agreement> = {}): Agreement => ({
  id: 'A1',
  form: 'written',
  facts: '事实',
  matters: '争议',
  responsibility: null,
  content: '王小二每月支付赡养费600元',
  performanceMethod: null,
  performanceDeadline: null,
  performancePlace: null,
  partySignatures: [],
  mediatorSignedDate: null,
  sealDate: null,
  effectiveDate: null,
  items: [
    {
      id: 'I1',
      description: '支付3月赡养费',
      deadline: '2024-03-31',
      state: 'performed',
      performedDate: '2024-03-30',
      note: null,
      overdue: false,
    },
  ],
  agreedAmountYuan: 600,
  performance: 'performed',
  performedDate: '2024-03-30',
  performanceDerived: true,
  confirmation: {
    intent: true,
    appliedDate: '2024-03-20',
    joint: true,
    courtBasis: 'committee_location',
    court: '某某县人民法院',
    acceptedDate: null,
    rulingNo: '（2024）某0102民特3号',
    result: null,
    resultDate: null,
    window: null,
    late: false,
    nonJoint: false,
  },
  ...over,
});

const texts = (blocks: Block[]) => JSON.stringify(blocks);
const CTX = { categoryLabel: '婚姻家庭纠纷', attachments: {} };

describe('document helpers', () => {
  it.each([
    ['2024-01-12', '2024年1月12日'],
    ['2024-10-01', '2024年10月1日'],
    ['2000-02-29', '2000年2月29日'],
    [null, '　　　年　　月　　日'],
  ])('cnDate(%s) = %s', (input, out) => expect(cnDate(input)).toBe(out));

  it('writes amounts with two decimals and 元', () => {
    expect(cnAmount(1200)).toBe('1,200.00元');
    expect(cnAmount(null)).toBe('');
  });
});

describe('mediation case file', () => {
  it('offers only what the record can fill, saying why for the rest', () => {
    const docs = Object.fromEntries(availableDocs(base).map((d) => [d.key, d]));
    expect(docs.register!.ready).toBe(true);
    expect(docs.agreement).toMatchObject({ ready: false, why: '尚无书面调解协议' });
    expect(docs.session).toMatchObject({ ready: false, why: '尚无调解记录' });
    expect(docs.dossier!.ready).toBe(true);
  });

  it('opens the file with the register for cases the committee took up itself, with the application for applications', () => {
    expect(dossierOrder(base)).toEqual(['cover', 'contents', 'register', 'notice', 'backCover']);
    expect(dossierOrder({ ...base, origin: 'application' })[2]).toBe('application');
    const withAgreement = {
      ...base,
      agreement: agreement(),
      records: [
        { id: 'R1', kind: 'session' as const, date: '2024-03-10', place: null, participants: '村干部', content: '调解', nextStep: null },
      ],
    };
    expect(dossierOrder(withAgreement)).toEqual(['cover', 'contents', 'register', 'notice', 'session', 'agreement', 'backCover']);
  });

  it('lists outside papers in the contents where the standard order puts them', () => {
    const c = { ...base, agreement: agreement() };
    const contents = buildMediationDocument(c, CTX, 'contents').parts[0]!;
    const table = contents.blocks.find((b) => b.kind === 'table') as Extract<Block, { kind: 'table' }>;
    expect(table.rows.slice(1).map((r) => r[1]!.text)).toEqual([
      '人民调解受理登记表',
      '人民调解当事人权利义务告知书',
      '当事人身份证明',
      '人民调解协议书',
      '收条或汇款单等履行凭证',
      '司法确认有关材料',
      '卷内备考表（封底）',
    ]);
    expect(table.rows.at(-2)![3]!.text).toBe('（2024）某0102民特3号');
  });

  it('ticks the case source on the register and names the dispute by its parties', () => {
    const reg = buildMediationDocument(base, CTX, 'register');
    expect(reg.name).toBe('（2024）高寨乡人调字第7号 人民调解受理登记表');
    const t = texts(reg.parts[0]!.blocks);
    expect(t).toContain('☐①当事人申请　☑②人民调解委员会主动调解');
    expect(t).toContain('经当事人同意，本委员会受理调解王大妈与王小二之间的纠纷。');
    expect(t).toContain('1,200.00元');
    const cover = texts(buildMediationDocument(base, CTX, 'cover').parts[0]!.blocks);
    expect(cover).toContain('王大妈与王小二婚姻家庭纠纷');
  });

  /** The 受理登记表's 案件来源 and 移送/委托单位 cells. */
  const sourceCells = (c: MediationCase) => {
    const table = buildMediationDocument(c, CTX, 'register').parts[0]!.blocks.find((b) => b.kind === 'table') as Extract<
      Block,
      { kind: 'table' }
    >;
    const cell = (name: string) => table.rows.find((r) => r[0]!.text === name)![1]!.text;
    return [cell('案件来源'), cell('移送/委托单位')];
  };

  it.each([
    // origin, sender → the two-option line as the form prints it, the line below
    ['application', null, '☑①当事人申请　☐②人民调解委员会主动调解', ''],
    ['initiative', null, '☐①当事人申请　☑②人民调解委员会主动调解', ''],
    ['court', '某某县人民法院', '☐①当事人申请　☐②人民调解委员会主动调解', '法院委托：某某县人民法院'],
    ['police', '某某派出所', '☐①当事人申请　☐②人民调解委员会主动调解', '公安移交：某某派出所'],
    ['government', '县信访局', '☐①当事人申请　☐②人民调解委员会主动调解', '政府部门指定/转办：县信访局'],
  ] as const)('REVIEW row 9: a case from %s (%s) prints %s with "%s" below', (origin, senderUnit, line, below) => {
    expect(sourceCells({ ...base, origin, senderUnit })).toEqual([line, below]);
  });

  it('REVIEW row 9: the register never prints the dispute register as a source (a case opened from it keeps only the link)', () => {
    const t = texts(
      buildMediationDocument({ ...base, disputeId: 'D1', disputeCaseNo: '高寨乡纠〔2024〕3号' }, CTX, 'register').parts[0]!.blocks,
    );
    expect(t).not.toContain('排查登记转入');
  });

  it.each([
    // category → whether the agreement prints the 支付令 route of 劳动争议调解仲裁法 art. 16
    ['10', true],
    ['01', false],
  ])('REVIEW row 7: the written agreement of a category %s case prints the 支付令 route: %s', (category, printed) => {
    const t = texts(buildMediationDocument({ ...base, category, agreement: agreement() }, CTX, 'agreement').parts[0]!.blocks);
    expect(t.includes('劳动者可以持调解协议书依法向人民法院申请支付令')).toBe(printed);
  });

  it.each([
    // termination reason, routes → what the cover prints as the result
    ['refused', ['litigation', 'arbitration'], '终止调解（一方当事人明确拒绝调解），已告知当事人可通过诉讼、仲裁解决'],
    ['settled', [], '终止调解（当事人自行和解）'],
    [null, [], '终止调解'],
  ] as const)('REVIEW row 15: a case ended for %s, routes %j, prints "%s" on the cover', (terminationReason, guidance, text) => {
    const c = { ...base, outcome: 'terminated' as const, closedDate: '2024-03-20', terminationReason, guidance: [...guidance] };
    const cover = buildMediationDocument(c, CTX, 'cover').parts[0]!.blocks.find((b) => b.kind === 'table') as Extract<
      Block,
      { kind: 'table' }
    >;
    expect(cover.rows.find((r) => r[0]!.text === '调解结果')![1]!.text).toBe(text);
  });

  it('computes ages on the application at the acceptance date', () => {
    const app = texts(buildMediationDocument(base, CTX, 'application').parts[0]!.blocks);
    expect(app).toContain('"73岁"'); // born 1950-08-20, accepted 2024-03-05
  });

  it('prints signature dates that were recorded and leaves the others blank', () => {
    const c = { ...base, agreement: agreement({ partySignatures: [{ personId: 'P1', date: '2024-03-15' }], sealDate: '2024-03-16' }) };
    const signs = buildMediationDocument(c, CTX, 'agreement').parts[0]!.blocks.filter((b) => b.kind === 'sign');
    expect(signs.map((s) => (s as { date: string }).date)).toEqual([
      '2024年3月15日',
      '　　　年　　月　　日',
      '　　　年　　月　　日',
      '　　　年　　月　　日',
      '2024年3月16日',
    ]);
  });

  it('has one signature line for every mediator who conducted the mediation (REVIEW row 22)', () => {
    const c = {
      ...base,
      mediators: [
        { staffId: 'S1', name: '李调解' },
        { staffId: 'S2', name: '赵调解' },
      ],
      agreement: agreement({ mediatorSignedDate: '2024-03-15' }),
    };
    const labels = buildMediationDocument(c, CTX, 'agreement')
      .parts[0]!.blocks.filter((b): b is Extract<Block, { kind: 'sign' }> => b.kind === 'sign')
      .map((b) => b.label);
    expect(labels.filter((l) => l === '人民调解员（签名）：')).toHaveLength(2);
  });

  it.each([
    // [attachments, investigation record?, the papers listed between the notice and the agreement]
    [{}, false, ['当事人身份证明']],
    [{ authorization: 1 }, false, ['当事人身份证明', '授权委托书']],
    [{ evidence: 3 }, false, ['当事人身份证明', '人民调解证据材料']],
    [{ evidence: 2, authorization: 1 }, true, ['当事人身份证明', '授权委托书', '人民调解调查记录（2024年3月8日）', '人民调解证据材料']],
  ] as const)(
    'lists attached papers in the contents where the standard order puts them (REVIEW row 22): %j',
    (attachments, investigated, papers) => {
      const c = {
        ...base,
        agreement: agreement({ confirmation: { ...agreement().confirmation, appliedDate: null } }),
        records: investigated
          ? [
              {
                id: 'R0',
                kind: 'investigation' as const,
                date: '2024-03-08',
                place: null,
                participants: '双方',
                content: '调查',
                nextStep: null,
              },
            ]
          : [],
      };
      const contents = buildMediationDocument(c, { ...CTX, attachments }, 'contents').parts[0]!;
      const table = contents.blocks.find((b) => b.kind === 'table') as Extract<Block, { kind: 'table' }>;
      const names = table.rows.slice(1).map((r) => r[1]!.text);
      expect(names.slice(names.indexOf('人民调解当事人权利义务告知书') + 1, names.indexOf('人民调解协议书'))).toEqual(papers);
      if ('evidence' in attachments)
        expect(table.rows.find((r) => r[1]!.text === '人民调解证据材料')![3]!.text).toBe(`${attachments.evidence}份，附后`);
    },
  );

  it.each([
    // REVIEW row 10: a person with 职业 and 工作单位; a unit by name, 信用代码, 住所 and 法定代表人
    ['P2', '被申请人：王小二，男，职工，工作单位某某建材厂。'],
    [
      'ORG',
      '被申请人：某某建材有限公司，统一社会信用代码91350100M000100Y43，住所某某县工业园1号，法定代表人（负责人）刘厂长。委托代理人：赵律师，特别授权，联系电话13900139000。',
    ],
  ])('prints party %s on the agreement as the form does', (id, line) => {
    const company = {
      ...base.parties[1]!,
      personId: 'ORG',
      name: '某某建材有限公司',
      sex: null,
      occupation: null,
      workUnit: null,
      kind: 'organisation' as const,
      creditCode: '91350100M000100Y43',
      legalRep: '刘厂长',
      address: '某某县工业园1号',
      agents: [{ id: 'A1', name: '赵律师', authority: 'special' as const, phone: '13900139000' }],
    };
    const c = { ...base, parties: [base.parties[0]!, id === 'ORG' ? company : base.parties[1]!], agreement: agreement() };
    expect(texts(buildMediationDocument(c, CTX, 'agreement').parts[0]!.blocks)).toContain(line);
  });

  const failed: MediationCase = {
    ...base,
    outcome: 'failure',
    closedDate: '2024-03-20',
    outcomeReason: '双方分歧大',
    guidance: ['litigation'],
    records: [{ id: 'R1', kind: 'session', date: '2024-03-10', place: null, participants: '双方', content: '调解', nextStep: null }],
    reports: [
      {
        id: 'E1',
        date: '2024-03-12',
        unitKind: 'police',
        unit: '高寨派出所',
        receiver: '刘警官',
        content: '王小二扬言报复',
        measures: '通知村干部看护',
      },
    ],
    visits: [
      {
        id: 'V1',
        purpose: 'escalation',
        plannedDate: '2024-04-19',
        visitDate: '2024-04-18',
        visitorStaffId: 'S1',
        visitorName: '李调解',
        method: '上门回访',
        performanceFound: 'not_applicable',
        satisfaction: '基本满意',
        notes: '双方未再冲突',
        due: false,
      },
    ],
  };

  it('REVIEW §2.1: prints each 纠纷激化报告 after the mediation records, listed in the 卷内目录', () => {
    expect(availableDocs(base).find((d) => d.key === 'report')).toMatchObject({ ready: false, why: '尚无纠纷激化报告' });
    expect(dossierOrder(failed)).toEqual(['cover', 'contents', 'register', 'notice', 'session', 'report', 'visit', 'backCover']);
    const form = buildMediationDocument(failed, CTX, 'report').parts[0]!;
    expect(form.title).toBe('纠纷激化报告记录（2024年3月12日）');
    const t = texts(form.blocks);
    for (const text of ['公安派出所：高寨派出所', '刘警官', '王小二扬言报复', '通知村干部看护', '人民调解法第二十五条'])
      expect(t).toContain(text);
    const contents = buildMediationDocument(failed, CTX, 'contents').parts[0]!;
    const table = contents.blocks.find((b) => b.kind === 'table') as Extract<Block, { kind: 'table' }>;
    const names = table.rows.slice(1).map((r) => r[1]!.text);
    expect(names.slice(names.indexOf('人民调解记录（2024年3月10日）'), -1)).toEqual([
      '人民调解记录（2024年3月10日）',
      '纠纷激化报告记录（2024年3月12日）',
      '人民调解回访记录（2024年4月18日）',
    ]);
  });

  it('REVIEW row 19: the visit after a failed mediation says why it was made, and no agreement performance', () => {
    const t = texts(buildMediationDocument(failed, CTX, 'visit').parts[0]!.blocks);
    expect(t).toContain('王大妈与王小二婚姻家庭纠纷（调解不成后回访，了解纠纷是否激化）');
    expect(t).not.toContain('协议履行情况');
    const ended = texts(
      buildMediationDocument({ ...failed, outcome: 'terminated', terminationReason: 'refused' }, CTX, 'visit').parts[0]!.blocks,
    );
    expect(ended).toContain('（终止调解后回访，了解纠纷是否激化）');
  });
});
