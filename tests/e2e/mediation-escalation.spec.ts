/**
 * What a mediation owes when the parties do not settle (REVIEW rows 6, 19 and §2.1): a 司法确认 applied
 * for by one party only is warned of and kept as made; a failed mediation gets a visit, on the case page
 * and the dashboard, to see whether the dispute is escalating (the office's setting, shown with its
 * source), recorded with the visit form; a 纠纷激化报告 to the police station is kept on the case, printed
 * in the file, and counted in the statistics with its definition beside the figure.
 */
import { writtenAgreement } from '../helpers/builders';
import { E2E_TODAY, expect, fillDate, type LedgerFixture, shot, test } from './fixtures';

/** A set-up township with an applicant and a respondent, its operator the mediator, and one case accepted on `acceptedDate`. */
function caseOf(app: LedgerFixture, acceptedDate: string, summary: string) {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const a = app.call('persons.create', { name: '张三' });
  const b = app.call('persons.create', { name: '李四' });
  return app.call('mediation.create', {
    origin: 'application',
    acceptedDate,
    mediatingBody: 'township',
    category: '02',
    summary,
    parties: [
      { personId: a.id, role: 'applicant' },
      { personId: b.id, role: 'respondent' },
    ],
    mediatorIds: [app.call('staff.list', {})[0]!.id],
  });
}

test('a 司法确认 applied for by one party only is warned of, and kept as made', async ({ page, app }) => {
  const c = caseOf(app, '2024-05-20', '界墙倒塌砸坏邻居菜地');
  // Signed by both parties on 2024-05-21: the 30 days run to 2024-06-20
  writtenAgreement(app, c);
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/mediation/${c.id}`);

  const card = page.getByTestId('confirmation-card');
  const title = card.getByRole('heading', { name: '司法确认' });
  const joint = card.getByRole('checkbox', { name: '双方当事人共同申请' });
  // Asked with the application, ticked unless the worker says otherwise
  await expect(joint).toBeChecked();
  await fillDate(card.getByLabel('申请日期'), '2024-06-12', title);
  await card.getByRole('combobox', { name: '申请法院（民事诉讼法第二百零五条）' }).click();
  await page.getByRole('option', { name: '调解组织所在地基层人民法院' }).click();
  await card.getByLabel('法院名称').fill('某某县人民法院');
  await expect(card.getByTestId('non-joint-confirmation')).toHaveCount(0);
  // Only 李四 applied: warned at once, and saved as made (within the 30 days, so not late)
  await joint.uncheck();
  await expect(card.getByTestId('non-joint-confirmation')).toContainText('仅一方当事人申请的，人民法院可能不予受理');
  await card.getByRole('button', { name: '保存司法确认情况' }).click();
  await expect(page.getByText('司法确认情况已保存')).toBeVisible();
  await expect(card.getByTestId('non-joint-confirmation')).toContainText('已按实际申请情况登记。');
  await expect(card.getByTestId('late-confirmation')).toHaveCount(0);
  await shot(page, '01-non-joint-confirmation');

  await page.reload();
  await expect(card.getByRole('checkbox', { name: '双方当事人共同申请' })).not.toBeChecked();
  await expect(card.getByTestId('non-joint-confirmation')).toBeVisible();
  // The history keeps the application
  await expect(page.getByTestId('audit-entry').filter({ hasText: '司法确认' }).first()).toBeVisible();
});

test('a failed mediation is visited to see whether it escalates, a report to the police station is kept, and the statistics count it', async ({
  page,
  app,
}) => {
  const c = caseOf(app, '2024-05-13', '宅基地边界争执，双方多次争吵');
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));

  // The office's setting, on by default at the return-visit interval, with its source
  await page.goto(`${app.url}#/settings`);
  await page.getByRole('tab', { name: '乡镇信息' }).click();
  const setting = page.getByTestId('failure-visit-setting');
  await expect(setting.getByRole('switch', { name: '调解不成、终止调解后安排回访（了解纠纷是否激化）' })).toBeChecked();
  await expect(setting.getByLabel('结案后回访间隔（天）')).toHaveValue('30');
  await expect(setting.getByText(/人民调解法第二十五条/)).toBeVisible();
  await expect(setting.getByText('本所设定')).toBeVisible();
  await shot(page, '00-failure-visit-setting');

  // 调解不成: the visit is planned 30 days after closing
  await page.goto(`${app.url}#/mediation/${c.id}`);
  await page.getByRole('button', { name: '结案' }).click();
  const close = page.getByRole('dialog', { name: '结案' });
  await close.getByText('调解不成', { exact: true }).click();
  await fillDate(close.getByLabel('结案日期'), '2024-05-20', close.getByRole('heading').first());
  await close.getByLabel('调解不成的原因').fill('李四拒绝退让，双方情绪激动');
  await close.getByRole('checkbox', { name: '诉讼' }).check();
  await close.getByRole('button', { name: '确定结案' }).click();
  await expect(close).toBeHidden();
  const visits = page.getByTestId('visits');
  const planned = visits.getByRole('row').filter({ hasText: '防止纠纷激化回访' });
  await expect(planned).toContainText('2024-06-19');

  // 纠纷激化报告: refused without the steps taken, then kept
  const reports = page.getByTestId('escalation-reports');
  await expect(reports.getByText(/对有可能引起治安案件、刑事案件的纠纷，应当及时向当地公安机关或者其他有关部门报告/)).toBeVisible();
  await reports.getByRole('button', { name: '登记报告' }).click();
  const form = page.getByRole('dialog', { name: '登记纠纷激化报告' });
  await fillDate(form.getByLabel('报告日期'), '2024-05-21', form.getByRole('heading').first());
  await expect(form.getByRole('radio', { name: '公安派出所' })).toBeChecked();
  await form.getByLabel('接收单位名称').fill('高寨派出所');
  await form.getByLabel('接收人').fill('刘警官');
  await form.getByLabel('报告内容').fill('李四扬言要砸张三家的院墙，可能引发打架伤人');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('请填写采取的预防措施')).toBeVisible();
  await form.getByLabel('采取的预防措施').fill('通知村干部和双方家属看护，分别做双方工作，约定不得私下接触');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  const row = reports.getByRole('row').filter({ hasText: '高寨派出所' });
  await expect(row).toContainText('2024-05-21');
  await expect(row).toContainText('公安派出所：高寨派出所');
  await expect(row).toContainText('刘警官');
  await expect(page.getByTestId('audit-entry').first()).toContainText('新建');
  await shot(page, '02-failed-case-visit-and-report');

  // Printed in the file after the mediation records, listed in the 卷内目录
  await page.getByRole('button', { name: '文书与打印' }).click();
  const docs = page.getByRole('dialog', { name: /文书与打印/ });
  await docs.getByRole('button', { name: '纠纷激化报告记录', exact: true }).click();
  const sheet = docs.getByTestId('doc-sheet');
  await expect(sheet.getByRole('heading', { name: '纠纷激化报告记录' })).toBeVisible();
  await expect(sheet.getByText('公安派出所：高寨派出所')).toBeVisible();
  await docs.getByRole('button', { name: '卷内目录', exact: true }).click();
  await expect(sheet.getByText('纠纷激化报告记录（2024年5月21日）')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(docs).toBeHidden();

  // The dashboard lists the visit among the items due within 7 days
  await page.goto(`${app.url}#/`);
  await expect(page.getByTestId('refreshing')).toHaveCount(0, { timeout: 15_000 });
  const dueRow = page.getByTestId('due-soon').getByRole('row').filter({ hasText: '防止纠纷激化回访' });
  await expect(dueRow).toHaveCount(1);
  await expect(dueRow).toContainText('2024-06-19');

  // Recorded with the visit form from there: no agreement to find performed
  await dueRow.getByRole('link', { name: '防止纠纷激化回访' }).click();
  await page.getByRole('button', { name: '记录回访' }).click();
  const visit = page.getByRole('dialog', { name: '记录回访' });
  await expect(visit.getByText(/防止纠纷激化回访：了解纠纷是否有激化迹象/)).toBeVisible();
  await expect(visit.getByRole('combobox', { name: '协议履行情况' })).toHaveValue('不适用');
  await visit.getByLabel('回访情况（纠纷有无激化迹象、采取的措施）').fill('双方未再发生冲突，张三已向法院起诉');
  await visit.getByRole('button', { name: '保存' }).click();
  await expect(visit).toBeHidden();
  await expect(planned).toContainText(E2E_TODAY);
  await expect(planned.getByText('待回访')).toHaveCount(0);
  await page.goto(`${app.url}#/`);
  await expect(page.getByTestId('refreshing')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole('row').filter({ hasText: '防止纠纷激化回访' })).toHaveCount(0);

  // The statistics: the case reported in the period, with the figure's definition beside it
  await page.getByRole('link', { name: '人民调解' }).click();
  await page.getByRole('link', { name: '统计' }).click();
  await expect(page.getByRole('heading', { name: '人民调解统计' })).toBeVisible();
  await expect(page.getByTestId('stat-纠纷激化报告（件）')).toHaveText('1');
  await expect(page.getByText(/纠纷激化报告件数 = 期间内（按报告日期）向公安机关或其他有关部门报告/)).toBeVisible();
  await shot(page, '03-statistics');
});
