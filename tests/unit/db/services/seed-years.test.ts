/**
 * The seeds' years entered into the ledger print the figures their annual reports print (the issue's
 * test of the statistics): 高寨乡 2024 — 98 family, 21 labour, 115 neighbour, 24 land and 46 other
 * disputes, all 调处 (the report says 305 in all; its categories add up to 304, which is what the
 * ledger counts), and 20 信访 transfers of which 17 化解; 李堡镇 2020 — 924 screening activities, 891
 * disputes accepted and mediated, 890 settled (99.89 %), the township centre's own 43 all settled, some
 * 251 万元 involved.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatRate } from '../../../../shared/domain/rates';
import type { Person } from '../../../../shared/schemas/persons';
import { firstStaffId, person } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let a: Person;
let b: Person;

beforeEach(() => {
  t = openTestLedger(); // today 2024-06-15
  a = person(t, { name: '张三' });
  b = person(t, { name: '李四' });
});
afterEach(() => t.close());

describe('高寨乡 2024: 排查 98 家庭、21 劳动、115 邻里、24 土地、46 其他，全部调处; 信访转办 20 件，化解 17 件', () => {
  it('prints the categories, 调处率 100.00 % and the 信访 transfers', () => {
    const parties = [
      { personId: a.id, role: 'applicant' as const },
      { personId: b.id, role: 'respondent' as const },
    ];
    const register = (category: string, source: string, steps: string[]) => {
      const d = t.call('disputes.create', { intakeDate: '2024-03-04', source, category, summary: '纠纷', parties });
      for (const [i, to] of steps.entries())
        t.call('disputes.changeStatus', { id: d.id, to: to as 'accepted', date: `2024-03-${String(5 + i).padStart(2, '0')}` });
    };
    const settled = ['accepted', 'mediating', 'resolved', 'closed'];
    for (const [category, n] of [
      ['01', 98],
      ['10', 21],
      ['02', 115],
      ['07', 24],
      ['99', 46],
    ] as const)
      for (let i = 0; i < n; i++) register(category, 'screening', settled);
    // 信访系统转办案件 (of another kind here, 05 生产经营, so that the five above stay as reported)
    for (let i = 0; i < 20; i++) register('05', 'petition', i < 17 ? settled : ['accepted', 'mediating']);

    const s = t.call('disputes.stats', { dateFrom: '2024-01-01', dateTo: '2024-12-31' });
    expect(Object.fromEntries(s.byCategory.map((r) => [r.label, r.registered]))).toEqual({
      婚姻家庭纠纷: 98,
      邻里纠纷: 115,
      生产经营纠纷: 20,
      山林土地纠纷: 24,
      劳动争议纠纷: 21,
      其他纠纷: 46,
    });
    const screened = s.bySource.find((r) => r.key === 'screening')!;
    expect([screened.registered, screened.mediated, screened.resolved]).toEqual([304, 304, 304]);
    expect(formatRate(screened.mediationRate)).toBe('100.00%');
    expect(formatRate(screened.resolutionRate)).toBe('100.00%');
    const petitions = s.bySource.find((r) => r.key === 'petition')!;
    expect([petitions.registered, petitions.resolved, petitions.open]).toEqual([20, 17, 3]);
    expect(formatRate(s.total.mediationRate)).toBe('100.00%');
  });
});

describe('李堡镇 2020: 排查调处活动 924 次，受理 891 件，调处成功 890 件（镇调处中心 43 件全部成功），成功率 99.89%，涉案金额 251 余万元', () => {
  it('prints the year as the report does, counted by acceptance or by closing', () => {
    const mediator = firstStaffId(t);
    const village = t.call('villages.save', { name: '李堡村' }).id;
    for (let i = 0; i < 924; i++)
      t.call('disputes.saveScreening', {
        date: `2020-${String(1 + (i % 12)).padStart(2, '0')}-15`,
        villageId: village,
        participants: '网格员',
        disputesFound: 1,
      });
    // 891 cases across the year; the township centre's own 43 first; one village case fails
    for (let i = 0; i < 891; i++) {
      const day = `2020-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
      const c = t.call('mediation.create', {
        origin: 'application',
        acceptedDate: day,
        mediatingBody: i < 43 ? 'township' : 'village',
        category: '01',
        summary: '纠纷',
        parties: [
          { personId: a.id, role: 'applicant' },
          { personId: b.id, role: 'respondent' },
        ],
        mediatorIds: [mediator],
      });
      if (i === 890) {
        t.call('mediation.close', { id: c.id, outcome: 'failure', closedDate: day, reason: '分歧过大', guidance: ['litigation'] });
        continue;
      }
      // 251 万元 over 890 agreements: 2,820.22 yuan each but the last, which takes the remainder to the fen
      const amount = i === 889 ? 2_510_000 - 2820.22 * 889 : 2820.22;
      t.call('mediation.saveAgreement', {
        caseId: c.id,
        form: 'oral',
        content: '双方达成协议',
        oralDate: day,
        partySignatures: [],
        items: [],
        agreedAmountYuan: Math.round(amount * 100) / 100,
        performance: 'on_the_spot',
      });
      t.call('mediation.close', { id: c.id, outcome: 'success', closedDate: day });
    }
    for (const basis of ['accepted', 'closed'] as const) {
      const s = t.call('mediation.stats', { dateFrom: '2020-01-01', dateTo: '2020-12-31', basis });
      expect([s.accepted, s.mediated, s.successful], basis).toEqual([891, 891, 890]);
      expect(formatRate(s.successRate), basis).toBe('99.89%');
      expect(formatRate(s.successRateOfAccepted), basis).toBe('99.89%');
      expect(s.agreementAmountYuan, basis).toBe(2_510_000);
      expect(
        s.byBody.find((r) => r.key === 'township'),
        basis,
      ).toMatchObject({ counted: 43, successful: 43, successRate: 1 });
    }
    expect(t.call('disputes.stats', { dateFrom: '2020-01-01', dateTo: '2020-12-31' }).screening.count).toBe(924);
  }, 60_000);
});
