/**
 * The supervision records of a correction file (REVIEW §5.1, REVIEW §5.2): a woman subject's 矫正小组 warns until
 * it has a woman member; a 外出 over a month is refused at the form, one of five days is approved by the 司法所,
 * its return is overdue on the file and the dashboard until its 销假 is recorded; 电子定位 over three months is
 * refused, within them its expiry is listed; an open 失联 is shown at the top of the file.
 */
import { choose, E2E_TODAY, expect, fillDate, shot, test } from './fixtures';

test('a woman subject’s team, a 外出 and its 销假, and 电子定位 with its expiry', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const p = app.call('persons.create', { name: '孙女矫', sex: 'F' });
  app.call('correction.create', {
    personId: p.id,
    category: 'probation',
    crime: '诈骗罪',
    penaltyType: '有期徒刑',
    penaltyTerm: '一年，缓刑二年',
    decisionOrgan: '某某县人民法院',
    documentType: '判决书',
    documentNumber: '（2024）某0101刑初30号',
    effectiveDate: '2024-06-01',
    termStart: '2024-06-01',
    termEnd: '2026-05-31',
    responsibleStaffId: app.call('staff.list', {})[0]!.id,
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);
  await page.getByRole('link', { name: '社区矫正' }).click();
  await page.getByRole('row').filter({ hasText: '孙女矫' }).getByRole('link', { name: '孙女矫' }).click();
  await expect(page.getByRole('heading', { name: '孙女矫' })).toBeVisible();

  // The team: none yet; the 司法所 member alone leaves the woman-member warning
  const team = page.getByTestId('team');
  await expect(team.getByTestId('team-check')).toHaveText('未落实');
  await expect(team.getByTestId('team-warnings')).toContainText('尚未确定矫正小组成员');
  await team.getByRole('button', { name: '编辑小组' }).click();
  const teamDialog = page.getByRole('dialog', { name: '矫正小组' });
  await expect(teamDialog.getByRole('textbox', { name: '成员姓名' })).toHaveValue('王调解');
  await choose(teamDialog, page, '成员性别', '男');
  await teamDialog.getByRole('button', { name: '保存' }).click();
  await expect(teamDialog).toBeHidden();
  await expect(team.getByTestId('team-warnings')).toContainText('矫正对象为女性，矫正小组应当有女性成员');
  await expect(team).toContainText('王调解（司法所工作人员，男）');

  // A 外出 over a month is refused at the form; five days go to the 司法所
  await page.getByRole('button', { name: '记录外出' }).click();
  const leave = page.getByRole('dialog', { name: '记录外出审批' });
  const head = leave.getByRole('heading').first();
  await fillDate(leave.getByLabel('起始日期'), '2024-06-05', head);
  await fillDate(leave.getByLabel('截止日期'), '2024-07-10', head);
  await leave.getByLabel('外出目的地').fill('杭州市');
  await leave.getByRole('button', { name: '保存' }).click();
  await expect(leave.getByText('每次外出不超过1个月（最迟2024-07-05）；超过的，返回销假后另行申请')).toBeVisible();
  await fillDate(leave.getByLabel('截止日期'), '2024-06-10', head);
  await expect(leave.getByTestId('leave-limits')).toContainText('外出5日，由司法所批准');
  await leave.getByLabel('事由').fill('探望住院的父亲');
  await leave.getByLabel('批准人').fill('王调解');
  await leave.getByRole('button', { name: '保存' }).click();
  await expect(leave).toBeHidden();

  // Not back by the 10th: overdue on the file and on the dashboard
  const approvals = page.getByTestId('approvals');
  const row = approvals.getByRole('row').filter({ hasText: '杭州市' });
  await expect(row).toContainText('逾期未销假');
  await expect(row).toContainText('司法所 王调解');
  const due = page.getByTestId('due-items');
  const returnItem = due.getByRole('row').filter({ hasText: '外出销假（杭州市，2024-06-05至2024-06-10）' });
  await expect(returnItem).toContainText('2024-06-10');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByText('外出销假（杭州市，2024-06-05至2024-06-10）').first()).toBeVisible();
  await page.goBack();

  // The 销假 recorded: the item is gone
  await row.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: '修改外出审批' });
  await fillDate(edit.getByLabel('销假日期'), '2024-06-12', edit.getByRole('heading').first());
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('2024-06-12 销假');
  await expect(returnItem).toHaveCount(0);

  // 电子定位: more than three months refused; within them, its expiry is listed
  await page.getByRole('button', { name: '使用电子定位' }).click();
  const monitor = page.getByRole('dialog', { name: '使用电子定位装置' });
  const mHead = monitor.getByRole('heading').first();
  await choose(monitor, page, '情形（社区矫正法第二十九条）', '无正当理由，未经批准离开所居住的市、县的');
  await monitor.getByLabel('批准人（县级司法行政部门负责人）').fill('县司法局赵局长');
  await fillDate(monitor.getByLabel('批准日期'), '2024-06-13', mHead);
  await fillDate(monitor.getByLabel('起始日期'), '2024-06-14', mHead);
  await fillDate(monitor.getByLabel('截止日期'), '2024-09-15', mHead);
  await monitor.getByRole('button', { name: '保存' }).click();
  await expect(monitor.getByText('电子定位使用期限不得超过三个月，期满仍需使用的，评估后延长')).toBeVisible();
  await fillDate(monitor.getByLabel('截止日期'), '2024-09-14', mHead);
  await monitor.getByRole('button', { name: '保存' }).click();
  await expect(monitor).toBeHidden();
  await expect(page.getByTestId('monitor-end')).toHaveText('2024-09-14');
  await expect(due.getByRole('row').filter({ hasText: '电子定位期满（2024-09-14）' })).toContainText('2024-09-14');
  await expect(due.getByRole('row').filter({ hasText: '电子定位延长评估（2024-09-14期满）' })).toContainText('2024-09-07');

  // A 失联 shows at the top of the file until the subject is found
  await page.getByRole('button', { name: '记录失联等情况' }).click();
  const incident = page.getByRole('dialog', { name: '记录突发情况' });
  await incident.getByLabel('发现失联时间').fill('2024-06-15 08:30');
  await incident.getByRole('textbox', { name: '情况' }).fill('电话关机，家中无人');
  await incident.getByRole('button', { name: '保存' }).click();
  await expect(incident).toBeHidden();
  await expect(page.getByTestId('open-missing')).toContainText('2024-06-15 08:30 发现失联：电话关机，家中无人');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath('supervision-top.png') });
  await shot(page, 'supervision-file');

  // The limits are the office's settings, each default shown with its source
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '矫正审批期限' }).click();
  const limits = page.getByTestId('supervision-settings');
  await expect(limits.getByLabel('司法所可批准的外出天数（含）')).toHaveValue('7');
  await expect(limits.getByLabel('每次外出最长（月）')).toHaveValue('1');
  await limits.getByTestId('basis').first().hover();
  await expect(page.getByRole('tooltip')).toContainText('〔UNCONFIRMED〕');
});
