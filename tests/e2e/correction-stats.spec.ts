/**
 * 社区矫正统计 under the fixed clock (2024-06-15): files arranged through the API, the rest in the UI — 乙's
 * reporting-in recorded late and flagged, 甲's two monthly reports; a report gone missing is overdue on the
 * dashboard and 乙 is listed as 脱管 on the statistics page with the indicators and their definitions; a
 * report recorded in the UI clears it.
 *
 * 甲 缓刑 from 05-01, reported 05-05 and declared; monthly reports on 05-20 and 06-14.
 * 乙 缓刑 from 05-10, reported late on 05-25; the monthly report due 06-10 never came.
 * 丙 缓刑 from 06-01, never reported (漏管).
 */
import { choose, E2E_TODAY, expect, fillDate, shot, test } from './fixtures';
import type { Input } from '../../shared/contract';

test('a missing report on the dashboard and as 脱管 in the indicators, cleared by recording it', async ({ page, app }) => {
  const status = app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const staffId = status.operator!.id;
  const file = (name: string, start: string, end: string, more: Partial<Input<'correction.create'>> = {}) => {
    const p = app.call('persons.create', { name });
    return app.call('correction.create', {
      personId: p.id,
      category: 'probation',
      crime: '盗窃罪',
      penaltyType: '有期徒刑',
      penaltyTerm: '一年',
      decisionOrgan: '某县人民法院',
      documentType: '判决书',
      documentNumber: `（2024）某0101刑初${name.length}号`,
      effectiveDate: start,
      termStart: start,
      termEnd: end,
      responsibleStaffId: staffId,
      ...more,
    });
  };
  const jia = file('甲矫正', '2024-05-01', '2025-04-30');
  app.call('correction.saveReception', { id: jia.id, reportDate: '2024-05-05', declarationDate: '2024-05-06', declarationHost: '王调解' });
  const yi = file('乙矫正', '2024-05-10', '2025-05-09');
  file('丙矫正', '2024-06-01', '2025-05-31');

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/correction/${yi.id}`);
  // 乙 reported five days after the window closed: flagged on the file
  await page.getByRole('button', { name: '登记报到/入矫宣告' }).click();
  const reception = page.getByRole('dialog', { name: '报到与入矫宣告' });
  await fillDate(reception.getByLabel('报到日期'), '2024-05-25', reception.getByRole('heading').first());
  await reception.getByRole('button', { name: '保存' }).click();
  await expect(reception).toBeHidden();
  await expect(page.getByTestId('report-state')).toHaveText('逾期5日');

  // 甲's two monthly reports
  await page.goto(`${app.url}#/correction/${jia.id}`);
  for (const date of ['2024-05-20', '2024-06-14']) {
    await page.getByRole('button', { name: '记录报告' }).click();
    const monthly = page.getByRole('dialog', { name: '记录定期报告' });
    await fillDate(monthly.getByLabel('日期'), date, monthly.getByRole('heading').first());
    await choose(monthly, page, '报告方式', '当面报告');
    await monthly.getByLabel('内容').fill('汇报本月思想和活动情况');
    await monthly.getByRole('button', { name: '保存' }).click();
    await expect(monthly).toBeHidden();
  }
  await expect(page.getByTestId('events').getByRole('row').filter({ hasText: '定期报告' })).toHaveCount(2);
  await expect(page.getByTestId('due-items').getByRole('row').filter({ hasText: '定期报告（普管）' })).toContainText('2024-07-14');

  await page.goto(app.url);
  // The dashboard: 乙's monthly report overdue since 06-10
  await expect(page.getByText('定期报告（普管）').first()).toBeVisible();

  await page.getByRole('link', { name: '社区矫正' }).click();
  await page.getByRole('link', { name: '统计', exact: true }).click();
  await expect(page.getByRole('heading', { name: '社区矫正统计' })).toBeVisible();
  const stat = (label: string) => page.getByTestId(`stat-${label}`);
  await expect(stat('在矫人数')).toHaveText('3');
  await expect(stat('新接收')).toHaveText('3');
  await expect(stat('按时报到率')).toHaveText('33.33%');
  await expect(stat('入矫宣告率')).toHaveText('50.00%');
  await expect(stat('脱管')).toHaveText('1');
  await expect(stat('漏管')).toHaveText('1');
  await expect(page.getByTestId('absent')).toContainText('乙矫正');
  await expect(page.getByTestId('absent')).toContainText('2024-06-10');
  await expect(page.getByTestId('unreported')).toContainText('丙矫正');
  await expect(page.getByTestId('table-duties').getByRole('row').filter({ hasText: '定期报告' })).toContainText('50.00%');
  await expect(page.getByTestId('stat-definitions')).toContainText('按时报到率 = 报到（交付接收）期限在统计期间内的人员中');
  await shot(page, 'correction-stats');

  // 乙's report is recorded: no longer 脱管
  await page.getByTestId('absent').getByRole('link', { name: '乙矫正' }).click();
  await page.getByRole('button', { name: '记录报告' }).click();
  const report = page.getByRole('dialog', { name: '记录定期报告' });
  await choose(report, page, '报告方式', '当面报告');
  await report.getByLabel('内容').fill('补报本月情况');
  await report.getByRole('button', { name: '保存' }).click();
  await expect(report).toBeHidden();
  await page.goBack();
  await expect(stat('脱管')).toHaveText('0');
  await expect(page.getByTestId('absent-none')).toBeVisible();
});
