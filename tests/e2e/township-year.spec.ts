/**
 * A small township half-year entered as the staff would, then read back as the county reads it: a
 * dozen disputes across categories and sources — two from the 12345 hotline (one answered on time and
 * rated, one still open), one 信访 transfer handed on, one that failed — three mediated, one of them
 * agreed and performed on the spot, one with an agreed amount. The dispute statistics, the mediation
 * statistics and the totals rows of both exported ledgers are each checked figure by figure.
 */
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import type { Input } from '../../shared/contract';
import type { DisputeStatus } from '../../shared/domain/disputes';
import { firstStaffId } from '../helpers/builders';
import { E2E_TODAY, expect, test } from './fixtures';

const stat = (page: Page, name: string) => page.getByTestId(`stat-${name}`);
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

async function pick(scope: Page | Locator, label: string, option: string | RegExp) {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

async function fillDate(field: Locator, value: string, heading: Locator) {
  await field.fill(value);
  await heading.click();
  await expect(field).toHaveValue(value);
}

/** The rows of an exported ledger, its header and its closing 合计 row. */
async function ledger(page: Page, button: Locator) {
  const downloading = page.waitForEvent('download');
  await button.click();
  const path = test.info().outputPath((await downloading).suggestedFilename());
  await (await downloading).saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const row = (r: number) => Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(r).getCell(c + 1).value);
  const header = row(3) as string[];
  const totals = row(ws.rowCount);
  return { count: ws.rowCount - 4, header, totals, at: (name: string) => totals[header.indexOf(name)] };
}

test('a township half-year: the dispute statistics, the mediation statistics and the ledgers’ totals', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const east = app.call('villages.save', { name: '东村' }).id;
  const west = app.call('villages.save', { name: '西村' }).id;
  const mediator = firstStaffId(app);
  const people = ['张三', '李四', '王五', '赵六'].map((name) => app.call('persons.create', { name }));
  const parties = (i: number): Input<'disputes.create'>['parties'] => [
    { personId: people[i % 4]!.id, role: 'applicant' },
    { personId: people[(i + 1) % 4]!.id, role: 'respondent' },
  ];
  const register = (i: number, fields: Partial<Input<'disputes.create'>>, steps: [DisputeStatus, string][] = []) => {
    const d = app.call('disputes.create', {
      intakeDate: '2024-03-04',
      source: 'visit',
      category: '01',
      villageId: east,
      summary: '纠纷',
      parties: parties(i),
      ...fields,
    });
    for (const [to, date] of steps)
      app.call('disputes.changeStatus', { id: d.id, to, date, transferUnit: to === 'transferred' ? '县信访局' : null });
    return d;
  };
  const settled: [DisputeStatus, string][] = [
    ['accepted', '2024-04-01'],
    ['mediating', '2024-04-02'],
    ['resolved', '2024-04-10'],
    ['closed', '2024-04-12'],
  ];
  // Five family and neighbour disputes, a labour one: handled and 化解 by the villages
  register(0, { category: '01', amountYuan: 1000 }, settled);
  register(1, { category: '01', source: 'call' }, settled);
  register(2, { category: '02', source: 'grid', villageId: west, amountYuan: 500 }, settled);
  register(3, { category: '02', source: 'grid', villageId: west }, settled);
  register(0, { category: '02', source: 'screening', handlingLevel: 'village' }, settled);
  register(1, { category: '10', source: 'call', amountYuan: 8000, handlingLevel: 'township' }, settled);
  // Three taken into people's mediation: one agreed and performed on the spot, one with an agreed amount, one failed
  const onTheSpot = register(2, { category: '01', intakeDate: '2024-04-08', handlingLevel: 'township' });
  const withAmount = register(3, { category: '02', intakeDate: '2024-04-09', amountYuan: 5000, handlingLevel: 'township' });
  const failing = register(0, { category: '07', intakeDate: '2024-04-15', amountYuan: 2000, villageId: west });
  const caseOf = (d: { id: string }, acceptedDate: string) =>
    app.call('mediation.openFromDispute', {
      disputeId: d.id,
      acceptedDate,
      origin: 'application',
      mediatingBody: 'township',
      mediatorIds: [mediator],
    });
  const spotCase = caseOf(onTheSpot, '2024-04-09');
  const amountCase = caseOf(withAmount, '2024-04-10');
  const failedCase = caseOf(failing, '2024-04-16');
  app.call('mediation.close', {
    id: failedCase.id,
    outcome: 'failure',
    closedDate: '2024-05-06',
    reason: '双方对地界分歧过大',
    guidance: ['litigation'],
  });
  // A 信访 transfer handed on to the unit responsible, and a 12345 work order still being mediated
  register(2, { category: '99', source: 'petition', intakeDate: '2024-05-20', ticketNo: 'XF20240520', ticketUnit: '县信访局' }, [
    ['transferred', '2024-05-21'],
  ]);
  register(
    3,
    {
      category: '02',
      source: 'hotline12345',
      intakeDate: '2024-06-03',
      ticketNo: 'GD20240603',
      ticketUnit: '县12345热线',
      ticketDeadline: '2024-06-18',
    },
    [
      ['accepted', '2024-06-04'],
      ['mediating', '2024-06-05'],
    ],
  );

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/disputes/new`);

  // The other 12345 work order is registered at the form, answered within its time limit and rated
  const form = page.getByRole('heading', { name: '登记矛盾纠纷' });
  await fillDate(page.getByLabel('登记日期'), '2024-05-06', form);
  await pick(page, '纠纷来源', '12345热线');
  await pick(page, '纠纷类型', '邻里纠纷');
  await pick(page, '村（社区）', '东村');
  await page.getByLabel('工单号（转办单号）').fill('GD20240506');
  await page.getByLabel('转办单位').fill('县12345热线');
  await fillDate(page.getByLabel('办理时限'), '2024-05-21', form);
  await fillDate(page.getByLabel('反馈日期'), '2024-05-15', form);
  await pick(page, '满意度', '满意');
  await pick(page, '调处主体', '村（社区）');
  await page.getByRole('combobox', { name: '第1位当事人', exact: true }).fill('王五');
  await page.getByRole('option', { name: /王五/ }).click();
  await page.getByRole('combobox', { name: '第2位当事人', exact: true }).fill('赵六');
  await page.getByRole('option', { name: /赵六/ }).click();
  await page.getByLabel('纠纷简要情况').fill('楼上深夜噪音扰民，经12345热线转办。');
  await page.getByLabel('涉及金额（元）').fill('300');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('heading', { name: /高寨乡纠〔2024〕\d+号/ })).toBeVisible();
  await expect(page.getByText('GD20240506 / 县12345热线')).toBeVisible();
  for (const [to, date] of [
    ['受理', '2024-05-07'],
    ['调处中', '2024-05-08'],
    ['化解', '2024-05-14'],
  ] as const) {
    await page.getByRole('button', { name: to, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await fillDate(dialog.getByLabel('日期'), date, dialog.getByRole('heading').first());
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByText('化解', { exact: true }).first()).toBeVisible();

  // The on-the-spot agreement: oral, nothing to track, performed as agreed
  await page.goto(`${app.url}#/mediation/${spotCase.id}`);
  await page.getByRole('button', { name: '登记调解协议' }).click();
  let ag = page.getByRole('dialog', { name: '登记调解协议' });
  await ag.getByText('口头协议', { exact: true }).click();
  await ag.getByRole('textbox', { name: '口头协议内容' }).fill('李四当场归还借款并赔礼道歉，双方和好。');
  await fillDate(ag.getByLabel(/达成日期/), '2024-04-12', ag.getByRole('heading').first());
  await pick(ag, '协议履行情况', '当场履行');
  await ag.getByRole('button', { name: '保存协议' }).click();
  await expect(ag).toBeHidden();
  await expect(page.getByText('履行完毕日期：2024-04-12')).toBeVisible();
  await page.getByRole('button', { name: '结案' }).click();
  let close = page.getByRole('dialog', { name: '结案' });
  await fillDate(close.getByLabel('结案日期'), '2024-04-12', close.getByRole('heading').first());
  await close.getByRole('button', { name: '确定结案' }).click();
  await expect(close).toBeHidden();

  // The agreement with an agreed amount: written, signed by all, one payment still to come
  await page.goto(`${app.url}#/mediation/${amountCase.id}`);
  await page.getByRole('button', { name: '登记调解协议' }).click();
  ag = page.getByRole('dialog', { name: '登记调解协议' });
  const head = ag.getByRole('heading').first();
  await ag.getByLabel('纠纷的主要事实').fill('赵六家改建院墙占用张三家通道。');
  await ag.getByLabel('争议事项').fill('通道恢复及损失赔偿');
  await ag.getByRole('textbox', { name: '协议内容', exact: true }).fill('赵六拆除占道部分并赔偿张三损失3000元。');
  for (const p of amountCase.parties) await fillDate(ag.getByLabel(`当事人 ${p.name} 签名（按印）日期`), '2024-04-20', head);
  await fillDate(ag.getByLabel('调解员签名日期'), '2024-04-20', head);
  await fillDate(ag.getByLabel('调委会盖章日期'), '2024-04-20', head);
  await ag.getByLabel('协议金额（元）').fill('3000');
  await ag.getByRole('button', { name: '+ 添加履行事项' }).click();
  await ag.getByRole('textbox', { name: '履行事项1', exact: true }).fill('赵六赔偿张三3000元');
  await fillDate(ag.getByRole('textbox', { name: '履行事项1期限' }), '2024-07-31', head);
  await ag.getByRole('button', { name: '保存协议' }).click();
  await expect(ag).toBeHidden();
  await expect(page.getByText('协议金额：3,000 元')).toBeVisible();
  await page.getByRole('button', { name: '结案' }).click();
  close = page.getByRole('dialog', { name: '结案' });
  await fillDate(close.getByLabel('结案日期'), '2024-04-20', close.getByRole('heading').first());
  await close.getByRole('button', { name: '确定结案' }).click();
  await expect(close).toBeHidden();

  // ── the dispute statistics for the half-year ──
  await page.goto(`${app.url}#/disputes/stats`);
  await expect(page.getByRole('heading', { name: '矛盾纠纷排查调处统计' })).toBeVisible();
  // 12 registered; the 信访 transfer was never 受理; 9 化解 (7 by the villages and the centre, 2 by mediation),
  // 1 未化解 (the failed mediation), 1 still open (the second work order)
  const figures: [string, string][] = [
    ['登记件数', '12'],
    ['受理件数', '11'],
    ['调处件数', '11'],
    ['化解件数', '9'],
    ['调处率', '100.00%'],
    ['化解率', '75.00%'],
    ['化解率（按办结）', '90.00%'],
    ['涉及金额（元）', '16,800'],
    ['12345热线工单', '2 件'],
    ['信访转办', '1 件'],
    ['工单按时反馈率', '100.00%'],
    ['工单满意率', '100.00%'],
  ];
  for (const [name, value] of figures) await expect(stat(page, name), name).toHaveText(value);
  await expect(page.getByText('化解 1 件，办理中 1 件')).toBeVisible();
  await page.getByRole('tab', { name: '按调处主体' }).click();
  const byLevel = page.getByTestId('by-level');
  await expect(
    byLevel
      .getByRole('row', { name: /乡镇（调解中心）/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('3');
  await shot(page, '01-dispute-stats');

  // ── the mediation statistics ──
  await page.goto(`${app.url}#/mediation/stats`);
  await expect(page.getByRole('heading', { name: '人民调解统计' })).toBeVisible();
  for (const [name, value] of [
    ['受理件数', '3'],
    ['已调解件数', '3'],
    ['调解成功件数', '2'],
    ['调解成功率', '66.67%'],
    ['调解成功率（按受理）', '66.67%'],
    ['书面协议、口头协议', '1、1'],
    // the on-the-spot agreement is performed; the other's payment is not yet due
    ['协议履行率', '50.00%'],
    ['协议金额（元）', '3,000'],
    ['争议金额（元）', '7,000'],
  ] as const)
    await expect(stat(page, name), name).toHaveText(value);
  await shot(page, '02-mediation-stats');

  // ── the exported ledgers end with their totals ──
  await page.goto(`${app.url}#/disputes`);
  const register_ = await ledger(page, page.getByRole('button', { name: '导出Excel' }));
  expect(register_.count).toBe(12);
  expect(register_.totals.slice(0, 2)).toEqual(['合计', '共 12 件']);
  expect(register_.at('涉及金额（元）')).toBe(16800);
  await page.goto(`${app.url}#/mediation`);
  const cases = await ledger(page, page.getByRole('button', { name: '导出Excel' }));
  expect(cases.totals.slice(0, 2)).toEqual(['合计', '共 3 件']);
  expect([cases.at('涉及金额（元）'), cases.at('协议金额（元）')]).toEqual([7000, 3000]);
});
