/**
 * Community correction (社区矫正, REVIEW §5.1, REVIEW §5.2): a 缓刑 subject already in the registry is given a
 * file whose term is copied from the judgment; the 10-day reporting window is on the dashboard until the report
 * is recorded with the 入矫宣告; a visit and 4 hours of public-benefit activity are recorded, the month's total
 * is shown against the level's target, and the next due items follow.
 */
import { choose, E2E_TODAY, expect, fillDate, shot, test } from './fixtures';

test('a 缓刑 subject from the registry: reporting window, report and 入矫宣告, a visit and public-benefit hours', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  app.call('villages.save', { name: '高寨村' });
  app.call('persons.create', { name: '钱矫正', phone: '13800138000' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);

  await page.getByRole('link', { name: '社区矫正' }).click();
  await expect(page.getByRole('heading', { name: '社区矫正台账' })).toBeVisible();
  await expect(page.getByText('还没有在矫的社区矫正档案')).toBeVisible();
  await page.getByRole('link', { name: '新建档案' }).click();
  const title = page.getByRole('heading', { name: '新建社区矫正档案' });

  // The empty form names what is missing, in Chinese, at the fields
  await page.getByRole('button', { name: '建立档案' }).click();
  await expect(page.getByText('请从人员库选择或新建人员')).toBeVisible();
  await expect(page.getByText('请选择矫正类别')).toBeVisible();
  await expect(page.getByText('请填写罪名')).toBeVisible();

  // The subject is picked from the registry
  await page.getByRole('combobox', { name: '社区矫正对象', exact: true }).fill('钱矫正');
  await page.getByRole('option', { name: /钱矫正/ }).click();
  await choose(page, page, '矫正类别', '缓刑');
  await page.getByLabel('罪名').fill('盗窃罪');
  await page.getByLabel('刑种').fill('有期徒刑');
  await page.getByLabel('刑期').fill('一年，缓刑一年');
  await page.getByLabel('决定机关').fill('某某县人民法院');
  await page.getByLabel('文书文号').fill('（2024）某0101刑初12号');
  await fillDate(page.getByLabel('生效日期'), '2024-06-10', title);
  await expect(page.getByText('2024-06-20（生效之日起10日内）')).toBeVisible();
  // The term is copied from the judgment: an end before its start is refused at the field
  await fillDate(page.getByLabel('矫正期限起'), '2024-06-10', title);
  await fillDate(page.getByLabel('矫正期限止'), '2024-06-01', title);
  await page.getByRole('button', { name: '建立档案' }).click();
  await expect(page.getByText('矫正期限的止日不能早于起日')).toBeVisible();
  await fillDate(page.getByLabel('矫正期限止'), '2025-06-09', title);
  await choose(page, page, '执行地（村、社区）', '高寨村');
  await expect(page.getByRole('combobox', { name: '责任人', exact: true })).toHaveValue('王调解');
  await shot(page, '01-form');
  await page.getByRole('button', { name: '建立档案' }).click();

  // The file: not yet reported, the window runs to 06-20
  await expect(page.getByRole('heading', { name: '钱矫正' })).toBeVisible();
  await expect(page.getByText('尚未报到')).toBeVisible();
  const due = page.getByTestId('due-items');
  await expect(due.getByRole('row').filter({ hasText: '报到（判决、裁定生效之日起10日内）' })).toContainText('2024-06-20');

  // The dashboard lists the reporting window
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  const item = page.getByText('报到（判决、裁定生效之日起10日内）').first();
  await expect(item).toBeVisible();
  await shot(page, '02-dashboard');

  // Back to the file from the ledger: the report and the 入矫宣告
  await page.getByRole('link', { name: '社区矫正' }).click();
  const row = page.getByRole('row').filter({ hasText: '钱矫正' });
  await expect(row).toContainText('缓刑');
  await expect(row).toContainText('盗窃罪');
  await expect(row).toContainText('2024-06-20');
  await row.getByRole('link', { name: '钱矫正' }).click();
  await page.getByRole('button', { name: '登记报到/入矫宣告' }).click();
  const reception = page.getByRole('dialog', { name: '报到与入矫宣告' });
  const head = reception.getByRole('heading').first();
  await fillDate(reception.getByLabel('报到日期'), '2024-06-14', head);
  await reception.getByLabel('报到情况').fill('本人持判决书到司法所报到');
  await fillDate(reception.getByLabel('宣告日期'), '2024-06-14', head);
  await reception.getByLabel('宣告主持人').fill('王调解');
  await reception.getByLabel('参加人员').fill('高寨村主任、家属');
  await reception.getByRole('button', { name: '保存' }).click();
  await expect(reception).toBeHidden();
  await expect(page.getByTestId('report-state')).toHaveText('按时报到');
  await expect(page.getByText('2024-06-14，主持人：王调解')).toBeVisible();
  await expect(due.getByRole('row').filter({ hasText: '报到（' })).toHaveCount(0);

  // A visit, then 4 hours of public-benefit activity
  await page.getByRole('button', { name: '记录走访核查' }).click();
  const visit = page.getByRole('dialog', { name: '记录走访/核查' });
  await choose(visit, page, '核查方式', '实地查访');
  await visit.getByLabel('内容').fill('到家中查访，在家务农，表现正常');
  await visit.getByRole('button', { name: '保存' }).click();
  await expect(visit).toBeHidden();
  await page.getByRole('button', { name: '记录公益活动' }).click();
  const work = page.getByRole('dialog', { name: '记录公益活动' });
  await work.getByLabel('时数（小时）').fill('4');
  await work.getByLabel('内容').fill('清扫村道、整理村文化室');
  await work.getByRole('button', { name: '保存' }).click();
  await expect(work).toBeHidden();

  // June's total against the target (普管 8 h, June begun on the 10th: 6 h), and the next items
  await expect(page.getByTestId('events').getByRole('row')).toHaveCount(3);
  const hours = page.getByTestId('hours-public');
  await expect(hours).toContainText('2024年6月');
  await expect(hours).toContainText('4 / 6 小时');
  await expect(hours).toContainText('差2小时');
  await expect(due.getByRole('row').filter({ hasText: '公益活动时数（2024年6月）' })).toContainText('2024-06-30');
  await expect(due.getByRole('row').filter({ hasText: '走访核查（普管）' })).toContainText('2024-08-15');
  await expect(due.getByRole('row').filter({ hasText: '定期报告（普管）' })).toContainText('2024-07-10');
  await expect(page.getByText('报告每月1次，走访核查每2个月1次')).toBeVisible();
  await shot(page, '03-file');

  // June's study hours excused with a reason (through the engine's 免除), the month no longer owed
  await due.getByRole('row').filter({ hasText: '教育学习时数（2024年6月）' }).getByRole('button', { name: '免除' }).click();
  const waive = page.getByRole('dialog', { name: '免除：教育学习时数（2024年6月）' });
  await waive.getByLabel('免除理由').fill('本月集中教育因汛期取消');
  await waive.getByRole('button', { name: '确定免除' }).click();
  await expect(waive).toBeHidden();
  await expect(due.getByRole('row').filter({ hasText: '教育学习时数（2024年6月）' })).toHaveCount(0);
  await expect(page.getByText('教育学习时数（2024年6月）：免除（本月集中教育因汛期取消）')).toBeVisible();

  // The 入矫宣告书 of the 工作档案, previewed as it prints and saved as Word
  await page.getByRole('button', { name: '文书与打印' }).click();
  await page.getByRole('button', { name: '入矫宣告书' }).click();
  const preview = page.getByTestId('doc-preview');
  await expect(preview).toContainText('根据《中华人民共和国社区矫正法》第二十二条的规定，现对你进行入矫宣告');
  await expect(preview).toContainText('社区矫正期限自');
  const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载Word文档' }).click()]);
  expect(word.suggestedFilename()).toMatch(/入矫宣告书\.docx$/);
  await shot(page, '03b-declaration');
  await page.keyboard.press('Escape');

  // The level × duty table is the office's setting, each default shown with its source
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '社区矫正' }).click();
  const settings = page.getByTestId('correction-settings');
  await expect(settings.getByRole('textbox', { name: '等级名称' })).toHaveCount(3);
  await expect(settings.getByRole('textbox', { name: '等级名称' }).first()).toHaveValue('严管');
  await expect(settings.getByText('严管：报告每周，走访每月，12/12小时')).toBeVisible();
  await expect(settings.getByLabel('期满提醒（期满前天数）')).toHaveValue('30');
  await settings.getByTestId('basis').first().hover();
  await expect(page.getByRole('tooltip')).toContainText('〔LOCAL〕');
  await shot(page, '04-settings');
});
