/**
 * 首页 工作台 on a ledger where two modules are late at once: 105 follow-up files whose visits fell due
 * a month ago and 14 disputes past their 办理期限 since June. What a head of office reads first comes
 * first: each module's overdue line in its own words, the counts by module and person, each opening
 * the records behind it, then one tab per module, so that the disputes are not buried under the older
 * follow-up items; the page stays a few screens high at 1366×768. Two staff named 王芳 are told apart
 * in the 承办人 picker, and the staff register warns when the second is added.
 */
import type { Page } from '@playwright/test';
import { caseFromDispute, dispute, mentalHealthFile, person, unreportedDrugFile, writtenAgreement } from '../helpers/builders';
import { E2E_TODAY, expect, shot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** Disputes past their 办理期限 (overdue on 06-15, weekend deadlines moved to Monday) and due within 7 days, by person. */
const OVERDUE = {
  王芳: ['2024-06-03', '2024-06-04', '2024-06-05', '2024-06-06', '2024-06-07', '2024-06-10', '2024-06-11', '2024-06-12', '2024-06-13'],
  李建国: ['2024-06-04', '2024-06-05', '2024-06-06', '2024-06-11', '2024-06-12'],
};
const DUE_SOON = { 王芳: ['2024-06-18'], 李建国: ['2024-06-17', '2024-06-19', '2024-06-20'] };

const counts = (page: Page) => page.getByTestId('due-counts');
const personRow = (page: Page, name: string) => counts(page).getByRole('row').filter({ hasText: name });

test('the dashboard reads by module and person, opens the records behind each count, and keeps each module in its own tab', async ({
  page,
  app,
}) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const wang = app.call('staff.save', { name: '王芳', post: '司法所所长' });
  const li = app.call('staff.save', { name: '李建国', post: '专职调解员' });
  // 105 follow-up files never visited: each one visit overdue since 05-15, older than any dispute's deadline
  for (let i = 0; i < 105; i++) {
    mentalHealthFile(app, person(app, { name: `对象${i}` }), { startDate: '2024-05-01', responsibleStaffId: i < 60 ? wang.id : li.id });
  }
  const a = person(app, { name: '张三' });
  const b = person(app, { name: '李四' });
  const register = (deadlines: string[], staffId: string) =>
    deadlines.map((deadline) => dispute(app, [a, b], { deadline, responsibleStaffId: staffId }).caseNo);
  const wangOverdue = register(OVERDUE.王芳, wang.id);
  register(DUE_SOON.王芳, wang.id);
  register(OVERDUE.李建国, li.id);
  register(DUE_SOON.李建国, li.id);
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));

  // ── The staff register: a second 王芳 is saved, with a warning saying how the two are told apart ──
  await page.goto(`${app.url}#/settings`);
  await page.getByRole('tab', { name: '工作人员' }).click();
  await page.getByRole('textbox', { name: '工作人员姓名' }).fill('王芳');
  await page.getByRole('textbox', { name: '职务' }).fill('专职调解员');
  await page.getByRole('button', { name: '添加工作人员' }).click();
  const warning = page.getByRole('alert').filter({ hasText: '已保存，请留意同名人员' });
  await expect(warning).toContainText('在岗人员中已有同名的“王芳（司法所所长）”。已照常保存，这一条在各处显示为“王芳（专职调解员）”');
  await expect(page.getByRole('row').filter({ hasText: '同名，各处显示为“王芳（专职调解员）”' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: '同名，各处显示为“王芳（司法所所长）”' })).toHaveCount(1);

  // ── The dashboard, first screen: each module's overdue line in its own words ──
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  // the day's rebuild, if it runs, shows its progress until done (a loaded machine may take a while)
  await expect(page.getByTestId('refreshing')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('overdue-banner')).toContainText('有 119 项已逾期');
  const disputeLine = page.getByTestId('overdue-banner-dispute');
  await expect(disputeLine).toHaveText('矛盾纠纷 14 件超过办理期限仍未办结（超期），请尽快调处、化解或依法转办。');
  await expect(disputeLine).not.toContainText('脱管');
  await expect(disputeLine).not.toContainText('漏管');
  await expect(disputeLine).not.toContainText('走访');
  await expect(page.getByTestId('overdue-banner-followup')).toContainText('重点人员 105 项逾期：逾期未走访即为脱管、漏管');
  await expect(page.getByTestId('overdue-banner-mediation')).toHaveCount(0);

  // The counts by module (合计) and by person, the namesakes told apart
  const total = counts(page).getByTestId('due-counts-total');
  await expect(total.getByTestId('count-followup-overdue')).toHaveText('105');
  await expect(total.getByTestId('count-dispute-overdue')).toHaveText('14');
  await expect(total.getByTestId('count-dispute-dueSoon')).toHaveText('4');
  await expect(total.getByTestId('count-mediation-overdue')).toHaveText('0');
  const wangRow = personRow(page, '王芳（司法所所长）');
  await expect(wangRow.getByTestId('count-followup-overdue')).toHaveText('60');
  await expect(wangRow.getByTestId('count-dispute-overdue')).toHaveText('9');
  await expect(wangRow.getByTestId('count-dispute-dueSoon')).toHaveText('1');
  await expect(personRow(page, '李建国').getByTestId('count-dispute-overdue')).toHaveText('5');
  await expect(counts(page).getByTestId('due-counts-person')).toHaveCount(2);

  // The tabs separate the modules, with their counts; the first late one is open
  const followupTab = page.getByRole('tab', { name: '重点人员：已逾期 105，7日内到期 0，30日内期满 0' });
  const disputeTab = page.getByRole('tab', { name: '矛盾纠纷：已逾期 14，7日内到期 4，30日内期满 0' });
  await expect(followupTab).toHaveAttribute('aria-selected', 'true');
  await expect(disputeTab).toBeVisible();
  await expect(page.getByRole('tab', { name: '人民调解：已逾期 0，7日内到期 0，30日内期满 0' })).toBeVisible();
  const followupItems = page.getByTestId('due-followup').getByTestId('overdue').getByTestId('dashboard-item');
  await expect(followupItems).toHaveCount(10);
  await expect(page.getByTestId('due-followup').getByRole('button', { name: '显示更多（还有 95 项）' })).toBeVisible();

  // A few screens at 1366×768, however many items are late: the banner (a line per module), the counts
  // (a row per person, at most 8 before 显示全部) and one tab of at most 10 rows per list. Three screens
  // hold them with room; the page that listed every item ran to ~39 px per row, over 4,500 px here.
  const height = await page.evaluate(() => document.body.scrollHeight);
  expect(height).toBeLessThan(3 * 768);
  await shot(page, '01-dashboard');

  // The disputes' tab: their own overdue items, the earliest ten, then the rest on request
  await disputeTab.click();
  const disputeItems = page.getByTestId('due-dispute').getByTestId('overdue').getByTestId('dashboard-item');
  await expect(disputeItems).toHaveCount(10);
  await expect(disputeItems.first()).toContainText('2024-06-03');
  await expect(disputeItems.first()).toContainText('王芳（司法所所长）');
  await page.getByTestId('due-dispute').getByRole('button', { name: '显示更多（还有 4 项）' }).click();
  await expect(disputeItems).toHaveCount(14);
  await expect(page.getByTestId('due-dispute').getByTestId('due-soon').getByTestId('dashboard-item')).toHaveCount(4);
  await expect(page.getByTestId('due-dispute')).toContainText('状态改为化解、未化解、转办、办结或不予受理后即从这里消除');
  await shot(page, '02-dashboard-disputes');

  // A count of overdue disputes opens the dispute ledger on that person's overdue disputes
  await wangRow.getByTestId('count-dispute-overdue').getByRole('link', { name: '9' }).click();
  await expect(page.getByRole('heading', { name: '矛盾纠纷排查登记' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/disputes\\?overdue=1&staffId=${wang.id}$`));
  // The two filters the link set are among those folded behind 更多筛选, which counts them
  await page.getByRole('button', { name: /^更多筛选.*2/ }).click();
  await expect(page.getByRole('switch', { name: '仅看超期' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: '承办人', exact: true })).toHaveValue('王芳（司法所所长）');
  await expect(page.getByText('共 9 条')).toBeVisible();
  const rows = page.getByRole('row').filter({ has: page.getByText('超期', { exact: true }) });
  await expect(rows).toHaveCount(9);
  for (const caseNo of wangOverdue) await expect(rows.getByRole('link', { name: caseNo, exact: true })).toBeVisible();
  // The 承办人 column names the two 王芳 apart, as the dashboard does
  for (const row of await rows.all()) await expect(row).toContainText('王芳（司法所所长）');
  await shot(page, '03-disputes-overdue-of-one');
  // Back returns to it; clearing the filters shows the whole register
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByText('共 18 条')).toBeVisible();

  // A count of follow-up files opens the follow-up ledger with 仅看逾期 and the 包保责任人
  await page.getByRole('link', { name: '首页' }).click();
  await personRow(page, '李建国').getByTestId('count-followup-overdue').getByRole('link', { name: '45' }).click();
  await page.getByRole('button', { name: /^更多筛选/ }).click();
  await expect(page.getByRole('switch', { name: '仅看逾期' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: '包保责任人', exact: true })).toHaveValue('李建国');
  await expect(page.getByText('共 45 人')).toBeVisible();

  // A count of disputes due within 7 days opens the ledger on them too (仅看7日内到期)
  await page.getByRole('link', { name: '首页' }).click();
  await personRow(page, '李建国').getByTestId('count-dispute-dueSoon').getByRole('link', { name: '3' }).click();
  await expect(page).toHaveURL(new RegExp(`#/disputes\\?due7=1&staffId=${li.id}$`));
  await expect(page.getByText('共 3 条')).toBeVisible();
  await page.getByRole('button', { name: /^更多筛选.*2/ }).click();
  await expect(page.getByRole('switch', { name: '仅看7日内到期' })).toBeChecked();

  // ── The 承办人 picker names the two 王芳 apart ──
  await page.goto(`${app.url}#/disputes/new`);
  await expect(page.getByRole('heading', { name: '登记矛盾纠纷' })).toBeVisible();
  await page.getByRole('combobox', { name: '承办人', exact: true }).click();
  await expect(page.getByRole('option', { name: /^王芳/ })).toHaveText(['王芳（司法所所长）', '王芳（专职调解员）']);
  await shot(page, '04-two-wang-fang');
});

test("each count is of records and opens a ledger listing as many: a file owing two things counts once; a case is its first mediator's", async ({
  page,
  app,
}) => {
  const status = app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const me = status.operator!.id;
  const li = app.call('staff.save', { name: '李建国', post: '专职调解员' });
  // 孙三, never reported: the 15-day window has passed and the report to the police it now owes (two items, one file)
  unreportedDrugFile(app, person(app, { name: '孙三' }), { responsibleStaffId: me });
  // 钱二's first visit falls within the week
  mentalHealthFile(app, person(app, { name: '钱二' }), { startDate: '2024-06-05', responsibleStaffId: me });
  // A case 李建国 leads (王调解 its second mediator): its 调解期限 and the agreed payment have passed; its return visit is near
  const d = dispute(app, [person(app, { name: '张三' }), person(app, { name: '李四' })], {
    deadline: '2024-06-30',
    responsibleStaffId: me,
  });
  const c = writtenAgreement(app, caseFromDispute(app, d, { mediatorIds: [li.id, me] }));
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);
  await expect(page.getByTestId('due-counts')).toBeVisible();
  await expect(page.getByTestId('refreshing')).toHaveCount(0, { timeout: 30_000 });

  // The tabs count items; the counts by module and person count records, and say so
  await expect(page.getByRole('tab', { name: /^重点人员：已逾期 2，7日内到期 1/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^人民调解：已逾期 2，7日内到期 1/ })).toBeVisible();
  await expect(counts(page)).toContainText('重点人员（人）');
  await expect(counts(page)).toContainText('人民调解（件）');
  await expect(page.getByTestId('due-counts-note')).toContainText('一人一件有几项到期只计一次');
  const total = counts(page).getByTestId('due-counts-total');
  await expect(total.getByTestId('count-followup-overdue')).toHaveText('1');
  await expect(total.getByTestId('count-followup-dueSoon')).toHaveText('1');
  await expect(total.getByTestId('count-mediation-overdue')).toHaveText('1');
  await expect(personRow(page, '李建国').getByTestId('count-mediation-overdue')).toHaveText('1');
  await expect(personRow(page, '王调解').getByTestId('count-mediation-overdue')).toHaveText('0');
  await shot(page, '05-dashboard-records');

  // 孙三's file once in the ledger, though it owes two things
  await total.getByTestId('count-followup-overdue').getByRole('link', { name: '1' }).click();
  await expect(page).toHaveURL(/#\/followup\?overdue=1$/);
  await expect(page.getByText('共 1 人')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '孙三' })).toContainText('已逾期');
  // 钱二's, due within the week
  await page.getByRole('link', { name: '首页' }).click();
  await total.getByTestId('count-followup-dueSoon').getByRole('link', { name: '1' }).click();
  await expect(page).toHaveURL(/#\/followup\?due7=1$/);
  await expect(page.getByText('共 1 人')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '钱二' })).toContainText('还剩4天');

  // 李建国's overdue case opens the mediation ledger on the cases he leads, flagged 逾期
  await page.getByRole('link', { name: '首页' }).click();
  await personRow(page, '李建国').getByTestId('count-mediation-overdue').getByRole('link', { name: '1' }).click();
  await expect(page).toHaveURL(new RegExp(`#/mediation\\?overdue=1&leadMediatorId=${li.id}$`));
  await expect(page.getByText('共 1 件')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: c.caseNo });
  await expect(row).toContainText('期限已过');
  await expect(row).toContainText('李建国、王调解');
  await page.getByRole('button', { name: /^更多筛选.*2/ }).click();
  await expect(page.getByRole('switch', { name: '仅看有逾期事项' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: '承办调解员（第一调解员）' })).toHaveValue('李建国');
  await shot(page, '06-mediation-overdue-of-one');
  // and its return visit, due within the week
  await page.getByRole('link', { name: '首页' }).click();
  await total.getByTestId('count-mediation-dueSoon').getByRole('link', { name: '1' }).click();
  await expect(page).toHaveURL(/#\/mediation\?due7=1$/);
  await expect(page.getByText('共 1 件')).toBeVisible();
});
