/**
 * The other groups' visits by the office's table and a file's 管控 status (REVIEW row 11), 以奖代补 as a
 * record of the year (REVIEW row 12), and a mental-health visit as 随访 or 走访（关爱帮扶） by the office's
 * scheme (REVIEW row 23), under the fixed clock (2024-06-15).
 *
 * 钱某 邪教人员, red, 需管控, from 05-01, never visited: May's visit is overdue.
 * 孙某 邪教人员, 仅在册, from 05-01: owes nothing until the office sets a cadence for 在册 persons.
 * 周某 重点信访人员, yellow, 需管控, from 06-01, visited 06-05: next due at the end of July.
 */
import type { Locator, Page } from '@playwright/test';
import type { Input } from '../../shared/contract';
import { E2E_TODAY, expect, test, type LedgerFixture } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
const stat = (page: Page, name: string) => page.getByTestId(`stat-${name}`);
/** One card of a long page, legible on its own. */
const shotOf = (part: Locator, name: string) => part.screenshot({ path: test.info().outputPath(`${name}.png`) });

/** Types a date, then clicks a heading (as a user would) so the calendar closes. */
async function fillDate(field: Locator, value: string, heading: Locator) {
  await field.fill(value);
  await heading.click();
  await expect(field).toHaveValue(value);
}

function arrange(app: LedgerFixture) {
  const status = app.call('setup.init', { townshipName: '曹回乡', county: '某某县', operatorName: '王调解' });
  const file = (name: string, input: Omit<Input<'followup.create'>, 'personId' | 'responsibleStaffId'>) => {
    const p = app.call('persons.create', { name });
    return app.call('followup.create', { personId: p.id, responsibleStaffId: status.operator!.id, ...input });
  };
  return { file };
}

async function openCadences(page: Page, app: LedgerFixture) {
  await page.goto(`${app.url}#/settings`);
  await page.getByRole('tab', { name: '走访频次' }).click();
  await expect(page.getByTestId('cadence-table')).toBeVisible();
}

/** Opens a cell of the table and sets it to once a period (or no visits) from `since`, with a reason. */
async function setCell(page: Page, key: string, title: string, period: string, reason: string, since?: string) {
  const cell = page.getByTestId(`cadence-${key}`);
  await cell.getByRole('button', { name: '调整' }).click();
  const dialog = page.getByRole('dialog', { name: `调整走访频次：${title}` });
  await dialog.getByText(period, { exact: true }).click();
  if (since) await fillDate(dialog.getByLabel('生效日期'), since, dialog.getByRole('heading').first());
  await dialog.getByRole('textbox', { name: '调整理由' }).fill(reason);
  await dialog.getByRole('button', { name: '保存调整' }).click();
  await expect(dialog).toBeHidden();
  return cell;
}

test("REVIEW row 11: a 在册 邪教 file owes no visit while a 需管控 one does; the office's table changes the next due date", async ({
  page,
  app,
}) => {
  const { file } = arrange(app);
  const cult = (name: string, level: 'red' | 'green', control: 'controlled' | 'registered', transformStatus: string) =>
    file(name, { group: 'cult', level, control, startDate: '2024-05-01', facts: { transformStatus } });
  const qian = cult('钱某', 'red', 'controlled', '未转化');
  const sun = cult('孙某', 'green', 'registered', '巩固期');
  const zhou = file('周某', { group: 'petition', level: 'yellow', startDate: '2024-06-01' });
  app.call('followup.saveVisit', {
    subjectId: zhou.id,
    date: '2024-06-05',
    method: '上门',
    visitors: '王调解',
    findings: '在家，情绪平稳',
  });
  const child = file('小芳', { group: 'left_behind_child', level: 'red', startDate: '2024-06-01' });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);

  // The dashboard: 钱某's May visit is overdue; 孙某, only on the roll, owes nothing
  const overdue = page.getByTestId('overdue').getByTestId('dashboard-item');
  await expect(overdue.filter({ hasText: '钱某' })).toContainText('每月走访（2024年5月）');
  await expect(page.getByTestId('dashboard-item').filter({ hasText: '孙某' })).toHaveCount(0);
  await shot(page, '01-dashboard-controlled-only');

  // The ledger marks 孙某 仅在册 and lists him alone under that filter
  await page.getByRole('link', { name: '重点人员' }).click();
  await expect(page.getByRole('row').filter({ hasText: '孙某' })).toContainText('仅在册');
  await expect(page.getByRole('row').filter({ hasText: '周某' })).toContainText('2024-07-31');
  await page.getByRole('button', { name: /^更多筛选/ }).click();
  await page.getByRole('combobox', { name: '管控状态' }).click();
  await page.getByRole('option', { name: '仅在册' }).click();
  await expect(page.getByRole('row').filter({ hasText: '孙某' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '钱某' })).toHaveCount(0);
  await shot(page, '02-ledger-registered');

  // 孙某's file: no visit duty, and why
  await page.goto(`${app.url}#/followup/${sun.id}`);
  await expect(page.getByTestId('cult-facts')).toContainText('仅在册（2024-05-01起）');
  await expect(page.getByTestId('cadence')).toContainText('走访（仅在册）：不安排定期走访，可在设置中为其设定走访频次');
  await page.getByTestId('cadence').getByTestId('basis').hover();
  await expect(page.getByRole('tooltip')).toContainText('需管控11人');
  await expect(page.getByText('暂无待办事项。')).toBeVisible();
  await shot(page, '03-registered-file');

  // The office's table: group × level, the defaults with their basis
  await openCadences(page, app);
  await expect(page.getByTestId('cadence-cult.visit.red')).toContainText('每月1次');
  await expect(page.getByTestId('cadence-cult.visit.registered')).toContainText('不安排走访');
  await expect(page.getByTestId('cadence-row-left_behind_child')).toContainText('关爱等级：重点关爱、一般关爱、日常关爱');
  // Each default said plainly once, its sources behind it
  await expect(page.getByTestId('cadence-table')).toContainText('地方做法需管控：每月走访1次，可在设置中调整');
  await expect(page.getByTestId('cadence-table')).toContainText('本系统设定（待核实）仅在册：不安排定期走访');
  await page.getByTestId('cadence-table').getByTestId('basis').filter({ hasText: '需管控：每月走访1次' }).hover();
  await expect(page.getByRole('tooltip')).toContainText('每月至少一次上门走访和会见');
  await expect(page.getByRole('tooltip')).toContainText('涉跨境人员未见任何频次来源');
  // 在册 邪教人员 once a quarter from today; 需管控 重点信访 (yellow) once a quarter from July
  const registered = await setCell(page, 'cult.visit.registered', '邪教人员：仅在册', '每季度', '县委政法委要求在册人员每季度见面一次');
  await expect(registered).toContainText('每季度1次');
  await expect(registered).toContainText('本所调整（2024-06-15起）');
  const yellow = await setCell(
    page,
    'petition.visit.yellow',
    '重点信访人员：黄色（一般关注）',
    '每季度',
    '稳控良好，改为按季度',
    '2024-07-01',
  );
  await expect(yellow).toContainText('每季度1次');
  await expect(yellow).toContainText('本所调整（2024-07-01起）');
  await shotOf(page.getByTestId('cadence-table'), '04-cadence-table');

  // 孙某 now owes this quarter's visit; 周某's next visit moves from 07-31 to the end of the third quarter
  await page.goto(`${app.url}#/followup/${sun.id}`);
  await expect(page.getByTestId('due-item').filter({ hasText: '每季度走访（2024年第2季度）' })).toContainText('2024-06-30');
  await page.goto(`${app.url}#/followup/${zhou.id}`);
  await expect(page.getByTestId('cadence')).toContainText('每季度走访1次');
  await expect(page.getByTestId('cadence')).toContainText('本所调整（2024-07-01起）：稳控良好，改为按季度');
  // The to-do table is rebuilt when the dashboard is next opened; then the ledger's 下次走访 follows
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByTestId('overdue')).toBeVisible();
  await expect(page.getByTestId('refreshing')).toBeHidden();
  await page.getByRole('link', { name: '重点人员' }).click();
  await expect(page.getByRole('row').filter({ hasText: '周某' })).toContainText('2024-09-30');
  await expect(page.getByRole('row').filter({ hasText: '孙某' })).toContainText('2024-06-30');
  // A left-behind child is a minor: a 关爱 level, not a control colour
  await expect(page.getByRole('row').filter({ hasText: '小芳' })).toContainText('重点关爱');
  await shot(page, '05-ledger-after-table');
  await page.goto(`${app.url}#/followup/${child.id}/edit`);
  await expect(page.getByRole('combobox', { name: '关爱等级', exact: true })).toHaveValue('重点关爱');
  await expect(page.getByText('需关爱帮扶', { exact: true })).toBeVisible();
  await expect(page.getByText('需管控', { exact: true })).toHaveCount(0);

  // 钱某 marked 待转化 on the form: still visited monthly, the status shown beside 转化情况
  await page.goto(`${app.url}#/followup/${qian.id}/edit`);
  await page.getByText('待转化', { exact: true }).click();
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('heading', { name: '钱某' })).toBeVisible();
  await expect(page.getByTestId('cult-facts')).toContainText('待转化（2024-06-15起）');
  await expect(page.getByTestId('cult-facts')).toContainText('未转化');
  await expect(page.getByTestId('due-item').filter({ hasText: '每月走访（2024年5月）' })).toContainText('已逾期');
  await shot(page, '06-to-transform');
});

test("REVIEW rows 12, 23: a year's 以奖代补 recorded on the file, the year's 有奖监护率; 随访率 only under the health scheme", async ({
  page,
  app,
}) => {
  const { file } = arrange(app);
  const facts = (guardian: string) => ({ diagnosis: '精神分裂症', guardianName: guardian, guardianRelation: '母子' });
  const zhao = file('赵某', { group: 'mental_health', level: '0', startDate: '2024-01-10', facts: facts('赵母') });
  const li = file('李某', { group: 'mental_health', level: '0', startDate: '2023-05-01', facts: facts('李母') });
  app.call('followup.saveYear', { subjectId: li.id, year: 2024, rewardResult: '合格', guardianName: '李母' });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));

  // 李堡 counts 有奖监护率 by year: 赵某 has no 2024 record yet
  await page.goto(`${app.url}#/followup/stats`);
  await expect(page.getByTestId('year-2024')).toHaveText('20242150.00%0000.00%00.00%1');

  // 赵某's file: the year's record, checked at the form
  await page.goto(`${app.url}#/followup/${zhao.id}`);
  const years = page.getByTestId('years-card');
  await expect(years).toContainText('还没有年度记录。');
  await years.getByRole('button', { name: '添加年度记录' }).click();
  const dialog = page.getByRole('dialog', { name: '添加年度记录' });
  await expect(dialog.getByRole('textbox', { name: '年度' })).toHaveValue('2024');
  await expect(dialog.getByLabel('监护人')).toHaveValue('赵母');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请选择以奖代补考核结果')).toBeVisible();
  await dialog.getByRole('combobox', { name: '以奖代补考核结果' }).click();
  await page.getByRole('option', { name: '合格', exact: true }).click();
  await dialog.getByLabel('监护人').fill('');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写领取奖励的监护人')).toBeVisible();
  await dialog.getByLabel('监护人').fill('赵母');
  await dialog.getByRole('textbox', { name: '奖励金额（元）' }).fill('1800');
  await dialog.getByRole('switch', { name: '已发放' }).check();
  await fillDate(dialog.getByLabel('发放日期'), '2024-06-10', dialog.getByRole('heading').first());
  await dialog.getByRole('checkbox', { name: '当年享受免费服药' }).check();
  await shot(page, '07-year-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('year-record');
  await expect(row).toContainText('2024');
  await expect(row).toContainText('合格');
  await expect(row).toContainText('已发放（2024-06-10）');
  await expect(row).toContainText('1800');
  await expect(page.getByTestId('audit-entry').first()).toContainText(
    '2024年：以奖代补合格，已发放1800元（2024-06-10），监护人赵母；免费服药',
  );
  await shotOf(years, '08-year-recorded');

  // The year's figures: both guardians rewarded (有奖监护率 100%), one paid, one on free medication
  await page.goto(`${app.url}#/followup/stats`);
  await expect(page.getByTestId('year-2024')).toHaveText('202422100.00%11800150.00%00.00%0');
  await expect(stat(page, '随访率')).toBeVisible();
  await shotOf(page.getByTestId('table-years'), '09-stats-years');

  // REVIEW row 23: the office switches to its own 走访（关爱帮扶）: the visits are called so, no 随访率
  await openCadences(page, app);
  await page.getByText('司法所走访（关爱帮扶）', { exact: true }).click();
  await expect(page.getByText('严重精神障碍患者的走访方案已切换')).toBeVisible();
  await page.goto(`${app.url}#/followup/${zhao.id}`);
  await page.getByRole('button', { name: '记录走访（关爱帮扶）' }).first().click();
  const visit = page.getByRole('dialog', { name: '记录走访（关爱帮扶）' });
  await visit.getByLabel('走访情况').fill('关爱帮扶小组入户，患者按时服药，监护人在家照看。');
  await visit.getByRole('button', { name: '保存' }).click();
  await expect(visit).toBeHidden();
  await expect(page.getByTestId('followup-visit')).toContainText('走访（关爱帮扶）');
  await expect(page.getByTestId('cadence').first()).toContainText('走访（关爱帮扶，危险性0–2级）');
  await shot(page, '10-grid-visit');
  await page.goto(`${app.url}#/followup/stats`);
  await expect(stat(page, '走访完成率')).toBeVisible();
  await expect(stat(page, '随访率')).toHaveCount(0);
  await expect(page.getByTestId('visits-mental_health')).toContainText('严重精神障碍患者（走访·关爱帮扶）');
  await expect(page.getByTestId('stat-definitions')).not.toContainText('随访率 =');
  await shot(page, '11-stats-grid');
});
