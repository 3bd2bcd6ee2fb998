/**
 * 重点人员统计: files and visits arranged through the API under the fixed clock (2024-06-15); the
 * page opens from the ledger on the year to date, shows each figure with its definition, reads last
 * month as at its end, and moves the rates when a visit is recorded in the UI.
 *
 * 甲 严重精神障碍 level 3 from 05-01, never visited: the visit due 05-15 is overdue.
 * 乙 邪教人员 from 03-10, visited 03-15 and 04-20: March and April done, May missed.
 * 丙 社区戒毒 from 02-01, agreement signed that day: tested 03-01 (阴性), then refused twice and absent
 *    once — a serious breach, to be reported to the police by 04-11 and never reported; the test due
 *    04-01 is overdue.
 */
import type { Page } from '@playwright/test';
import { E2E_TODAY, expect, test } from './fixtures';
import type { Input } from '../../shared/contract';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
const stat = (page: Page, name: string) => page.getByTestId(`stat-${name}`);

test('figures for the year to date and last month; a visit recorded in the UI moves the rates', async ({ page, app }) => {
  const status = app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const staffId = status.operator!.id;
  const file = (name: string, input: Omit<Input<'followup.create'>, 'personId' | 'responsibleStaffId'>) => {
    const p = app.call('persons.create', { name });
    return app.call('followup.create', { personId: p.id, responsibleStaffId: staffId, ...input });
  };
  const visit = (id: string, date: string, more: Partial<Input<'followup.saveVisit'>> = {}) =>
    app.call('followup.saveVisit', { subjectId: id, date, method: '上门', visitors: '王调解', findings: '走访情况正常', ...more });
  file('甲某', {
    group: 'mental_health',
    level: '3',
    startDate: '2024-05-01',
    facts: { diagnosis: '精神分裂症', guardianName: '甲母', guardianRelation: '母子' },
  });
  const yi = file('乙某', { group: 'cult', level: 'yellow', startDate: '2024-03-10', facts: { transformStatus: '转化中' } });
  visit(yi.id, '2024-03-15');
  visit(yi.id, '2024-04-20');
  const bing = file('丙某', {
    group: 'drug',
    level: 'red',
    startDate: '2024-02-01',
    facts: { drugType: 'detox', decisionDate: '2024-01-25', reportDate: '2024-02-01', agreementDate: '2024-02-01' },
  });
  visit(bing.id, '2024-03-01', { kind: 'test', method: '到所', testResult: '阴性' });
  visit(bing.id, '2024-03-20', { kind: 'test', method: '到所', testResult: '拒绝检测' });
  visit(bing.id, '2024-04-01', { kind: 'test', method: '到所', testResult: '未到' });
  visit(bing.id, '2024-04-10', { kind: 'test', method: '到所', testResult: '拒绝检测' });

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);
  await page.getByRole('link', { name: '重点人员' }).click();
  await page.getByRole('link', { name: '统计', exact: true }).click();

  // The year to date by default
  await expect(page.getByRole('heading', { name: '重点人员统计' })).toBeVisible();
  await expect(page.getByLabel('统计期间从')).toHaveValue('2024-01-01');
  await expect(page.getByLabel('统计期间至')).toHaveValue(E2E_TODAY);
  await expect(stat(page, '在管人数')).toHaveText('3');
  await expect(stat(page, '新增建档')).toHaveText('3');
  await expect(stat(page, '解除管理')).toHaveText('0');
  // 甲: 1 due (05-15), not done; 乙: March, April done, May missed
  await expect(stat(page, '应访次数')).toHaveText('4');
  await expect(stat(page, '已访次数')).toHaveText('2');
  await expect(stat(page, '走访完成率')).toHaveText('50.00%');
  await expect(stat(page, '随访率')).toHaveText('0.00%');
  await expect(stat(page, '检测完成率')).toHaveText('50.00%');
  // 甲's visit, 乙's May, 丙's test and 丙's report to the police
  await expect(stat(page, '逾期件数')).toHaveText('4');
  await expect(stat(page, '严重违反协议')).toHaveText('1');
  await expect(page.getByTestId('breaches')).toContainText('丙某：逃避或拒绝接受检测3次（3次以上）');
  // 阴性 1, 阳性 0, 拒绝检测 2, 未到 1, in all 4
  await expect(page.getByTestId('table-test-results').getByRole('row').nth(1)).toHaveText('10214');

  // Each figure's definition is shown beneath the figures
  const defs = page.getByTestId('stat-definitions');
  await expect(defs).toContainText('走访完成率 = 到期日在统计期间内、且已完成的走访次数 ÷ 到期日在统计期间内的走访次数');
  await expect(defs).toContainText('随访率 = 严重精神障碍患者');
  await expect(defs).toContainText('逾期件数 = ');
  await expect(defs).toContainText('《戒毒条例》第二十条');

  // Tables by group × level and by group
  await expect(page.getByTestId('table-mh-levels').getByRole('row').nth(1)).toHaveText('0001001');
  await expect(page.getByTestId('table-color-levels').getByRole('row').filter({ hasText: '邪教人员' })).toHaveText('邪教人员010110');
  await expect(page.getByTestId('visits-cult')).toHaveText('邪教人员32066.67%1');
  await expect(page.getByTestId('visits-mental_health')).toHaveText('严重精神障碍患者（随访率）1000.00%1');
  await expect(page.getByTestId('visits-drug')).toHaveText('社区戒毒/社区康复人员（检测见下表）—2');
  await shot(page, '01-stats-ytd');

  // Last month is read as at 05-31: the May duty of 乙 is due that day, not yet overdue
  await page.getByRole('button', { name: '上月' }).click();
  await expect(page.getByLabel('统计期间从')).toHaveValue('2024-05-01');
  await expect(page.getByLabel('统计期间至')).toHaveValue('2024-05-31');
  await expect(stat(page, '新增建档')).toHaveText('1');
  await expect(stat(page, '应访次数')).toHaveText('2');
  await expect(stat(page, '走访完成率')).toHaveText('0.00%');
  await expect(stat(page, '逾期件数')).toHaveText('3');

  // A visit to 甲 today, recorded on the file
  await page.getByRole('link', { name: '返回台账' }).click();
  await page.getByRole('link', { name: '甲某' }).click();
  await expect(page.getByRole('heading', { name: '甲某' })).toBeVisible();
  await page.getByRole('button', { name: '记录随访' }).first().click();
  const dialog = page.getByRole('dialog', { name: '记录随访' });
  await expect(dialog.getByLabel('随访日期')).toHaveValue(E2E_TODAY);
  await dialog.getByLabel('随访情况').fill('入户走访，患者按时服药，情绪平稳，监护人在家照看。');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  // Back to the figures: the overdue visit is now done late
  await page.getByRole('link', { name: '重点人员' }).click();
  await page.getByRole('link', { name: '统计', exact: true }).click();
  await expect(stat(page, '随访率')).toHaveText('100.00%');
  await expect(stat(page, '走访完成率')).toHaveText('75.00%');
  await expect(stat(page, '已访次数')).toHaveText('3');
  await expect(page.getByText('其中迟访 1 次')).toBeVisible();
  await expect(stat(page, '逾期件数')).toHaveText('3');
  // Last month still reads as at 05-31: a visit dated in June does not change May
  await page.getByRole('button', { name: '上月' }).click();
  await expect(stat(page, '走访完成率')).toHaveText('0.00%');
  await page.getByRole('button', { name: '今年以来' }).click();
  await expect(stat(page, '走访完成率')).toHaveText('75.00%');
  await shot(page, '02-stats-after-visit');
});

test('a period that ends before it begins is refused at the field', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);
  await page.getByRole('link', { name: '重点人员' }).click();
  await page.getByRole('link', { name: '统计', exact: true }).click();
  await expect(stat(page, '走访完成率')).toHaveText('—');
  const from = page.getByLabel('统计期间从');
  await from.fill('2024-07-01');
  await page.getByRole('heading', { name: '重点人员统计' }).click();
  await expect(page.getByText('结束日期不能早于开始日期')).toBeVisible();
});
