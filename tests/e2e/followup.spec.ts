/**
 * Special-group follow-up (重点人员管理) and the to-do dashboard: a level-3 mental-health patient is
 * registered with a guardian and sees the first visit due; a visit that raises the level to 4 brings the
 * next visit closer; a file whose visit has gone overdue under the fixed clock is on the dashboard, opens
 * from there, and leaves the list once the visit is recorded. Drug files (REVIEW rows 2, 13, 14): the
 * agreement date, a 未到 with a proper reason, a positive test owing a report to the police until the
 * report is recorded, a 中止 and the office's setting for the term end; a basically stable patient's
 * 2-week visit (REVIEW row 5).
 */
import type { Locator, Page } from '@playwright/test';
import type { Input } from '../../shared/contract';
import { E2E_TODAY, expect, test, type LedgerFixture } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Types a date, then clicks a heading (as a user would) so the calendar closes and uncovers the next field. */
async function fillDate(field: Locator, value: string, heading: Locator) {
  await field.fill(value);
  await heading.click();
  await expect(field).toHaveValue(value);
}

/** A level-3 patient since 05-01, never visited: the visit fell due on 05-15 and is overdue today. */
function overdueFile(app: LedgerFixture, operatorId: string, name: string, facts: Record<string, string>) {
  const person = app.call('persons.create', { name });
  return app.call('followup.create', {
    personId: person.id,
    group: 'mental_health',
    level: '3',
    responsibleStaffId: operatorId,
    startDate: '2024-05-01',
    facts,
  });
}

/** A township set up with its operator, one person and that person's file, made through the API. */
function setUpFile(app: LedgerFixture, name: string, input: Omit<Input<'followup.create'>, 'personId' | 'responsibleStaffId'>) {
  const status = app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const person = app.call('persons.create', { name });
  return app.call('followup.create', { personId: person.id, responsibleStaffId: status.operator!.id, ...input });
}

/** A test taken at the office (阴性 unless said otherwise), recorded through the API. */
function testOn(app: LedgerFixture, subjectId: string, date: string) {
  app.call('followup.saveVisit', {
    subjectId,
    kind: 'test',
    date,
    method: '到所',
    visitors: '王调解',
    findings: '尿检',
    testResult: '阴性',
  });
}

/** Opens a file under the fixed clock. */
async function openFile(page: Page, app: LedgerFixture, id: string) {
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/followup/${id}`);
}

/** The rows of the file's 待办事项 (open ones; done ones only when asked for). */
const dueItems = (page: Page) => page.getByTestId('due-item');

test('register a level-3 patient with a guardian; a visit raising the level to 4 brings the next visit closer', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  app.call('villages.save', { name: '高寨村' });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);

  // The home page is the dashboard; nothing is due yet
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByText('近期没有到期事项')).toBeVisible();

  await page.getByRole('link', { name: '重点人员' }).click();
  await expect(page.getByRole('heading', { name: '重点人员台账' })).toBeVisible();
  await expect(page.getByText('还没有在管的重点人员档案')).toBeVisible();
  await page.getByRole('link', { name: '新建档案' }).click();
  const title = page.getByRole('heading', { name: '新建重点人员档案' });

  // Saving the empty form names what is missing, in Chinese, at the fields
  await page.getByRole('button', { name: '建立档案' }).click();
  await expect(page.getByText('请选择人员', { exact: true })).toBeVisible();
  await expect(page.getByText('请选择人员类别')).toBeVisible();
  await expect(page.getByText('请选择包保责任人')).toBeVisible();

  // A new person, created inline
  await page.getByRole('button', { name: '新建人员（人员）' }).click();
  const modal = page.getByRole('dialog', { name: '新建人员' });
  await modal.getByLabel('姓名').fill('赵小明');
  await modal.getByLabel('联系电话').fill('13800138000');
  await modal.getByRole('button', { name: '保存并选用' }).click();
  await expect(modal).toBeHidden();

  // Mental health: 0–5级 with the standard's meaning, and the "四个一" roles offered
  await choose(page, '人员类别', '严重精神障碍患者');
  const level = page.getByRole('combobox', { name: '危险性评估等级', exact: true });
  await level.click();
  await expect(page.getByRole('option', { name: /^5级/ })).toContainText('纵火');
  await page.getByRole('option', { name: /^3级/ }).click();
  await expect(level).toHaveAccessibleDescription('明显打砸行为，不分场合，针对财物，不能接受劝说而停止');
  await choose(page, '包保责任人', '王调解');
  await choose(page, '村（社区）', '高寨村');
  await fillDate(page.getByLabel('建档日期'), '2024-06-01', title);
  await expect(page.getByText('“四个一”尚缺：村（社区）干部、医生、民警、监护人')).toBeVisible();

  // The guardian is required for a mental-health file
  await page.getByRole('button', { name: '建立档案' }).click();
  await expect(page.getByText('请选择诊断')).toBeVisible();
  await expect(page.getByText('请填写监护人姓名')).toBeVisible();
  await choose(page, '诊断', '精神分裂症');
  await page.getByLabel('监护人姓名').fill('赵大妈');
  await page.getByLabel('与患者关系').fill('母亲');
  await page.getByLabel('监护人电话').fill('13900139000');

  // Three of the four: the police officer is left blank and the row is not saved
  await page.getByRole('textbox', { name: '第1位帮扶人员姓名' }).fill('钱书记');
  await page.getByRole('textbox', { name: '第2位帮扶人员姓名' }).fill('李医生');
  await page.getByRole('textbox', { name: '第2位帮扶人员电话' }).fill('13700137000');
  await page.getByRole('textbox', { name: '第4位帮扶人员姓名' }).fill('赵大妈');
  await expect(page.getByText('“四个一”尚缺：民警')).toBeVisible();
  await shot(page, '01-form');
  await page.getByRole('button', { name: '建立档案' }).click();

  // The file: every 2 weeks while unstable (level 3), so the first visit is due on 06-15, today
  await expect(page.getByRole('heading', { name: '赵小明' })).toBeVisible();
  await expect(page.getByText('尚缺：民警')).toBeVisible();
  await expect(page.getByText('赵大妈（母亲）')).toBeVisible();
  // Said plainly; the standard it comes from is in the tooltip
  const cadence = page.getByTestId('cadence').filter({ hasText: '随访（不稳定）' });
  await expect(cadence).toContainText('每2周随访1次，可在设置中调整');
  await expect(cadence).not.toContainText('国家基本公共卫生服务规范');
  await cadence.getByTestId('basis').hover();
  await expect(page.getByRole('tooltip')).toContainText('依据：《国家基本公共卫生服务规范（第三版）》');
  const first = dueItems(page).filter({ hasText: '随访（不稳定）' });
  await expect(first).toContainText('2024-06-15');
  await expect(first).toContainText('即将到期');

  // A visit on 06-10 reassesses the risk at level 4: weekly from that day, so 06-17 instead of 06-24
  await page.getByRole('button', { name: '记录随访' }).first().click();
  const visit = page.getByRole('dialog', { name: '记录随访' });
  await expect(visit.getByLabel('随访人员')).toHaveValue('王调解');
  await fillDate(visit.getByLabel('随访日期'), '2024-06-10', visit.getByRole('heading').first());
  await visit.getByLabel('随访情况').fill('患者近日情绪激动，砸坏家中物品并推搡母亲，劝说无效；已通知医生调整用药。');
  await visit.getByRole('combobox', { name: '风险等级重新评估' }).click();
  await page.getByRole('option', { name: /^4级/ }).click();
  await visit.getByRole('button', { name: '保存' }).click();
  await expect(visit).toBeHidden();

  await expect(page.getByTestId('followup-visit')).toHaveCount(1);
  await expect(page.getByTestId('followup-visit')).toContainText('调整为4级');
  const next = dueItems(page).filter({ hasText: '随访（危险性4–5级）' });
  await expect(next).toContainText('2024-06-17');
  await expect(dueItems(page).filter({ hasText: '2024-06-24' })).toHaveCount(0);
  await expect(dueItems(page).filter({ hasText: '2024-06-15' })).toHaveCount(0);
  await expect(page.getByTestId('cadence').filter({ hasText: '随访（危险性4–5级）' })).toContainText('每周');
  await expect(page.getByText('风险等级：3级 → 4级')).toBeVisible();
  await expect(page.getByTestId('level-history')).toHaveText('2024-06-01 建档3级 → 2024-06-10 走访评估4级');
  await shot(page, '02-file');

  // The ledger lists the file with its next visit
  await page.getByRole('link', { name: '重点人员' }).click();
  const row = page.getByRole('row').filter({ hasText: '赵小明' });
  await expect(row).toContainText('严重精神障碍患者');
  await expect(row).toContainText('4级');
  await expect(row).toContainText('2024-06-17');
  await expect(row).not.toContainText('逾期');
  await shot(page, '03-list');

  // Editing completes the team; the level and the facts come back as saved
  await row.getByRole('link', { name: '赵小明' }).click();
  await page.getByRole('link', { name: '编辑' }).click();
  await expect(page.getByRole('combobox', { name: '危险性评估等级', exact: true })).toHaveValue('4级');
  await expect(page.getByLabel('监护人姓名')).toHaveValue('赵大妈');
  await expect(page.getByRole('textbox', { name: '第4位帮扶人员角色' })).toHaveValue('民警');
  await page.getByRole('textbox', { name: '第4位帮扶人员姓名' }).fill('孙民警');
  await expect(page.getByText('“四个一”已齐全。')).toBeVisible();
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('heading', { name: '赵小明' })).toBeVisible();
  await expect(page.getByText('尚缺：')).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '孙民警' })).toContainText('民警');
});

test('an overdue visit is on the dashboard, opens the file, and is cleared by recording the visit', async ({ page, app }) => {
  const status = app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  overdueFile(app, status.operator!.id, '钱老四', { diagnosis: '双相（情感）障碍', guardianName: '钱大嫂', guardianRelation: '配偶' });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);

  await expect(page.getByTestId('overdue-banner')).toContainText('有 1 项已逾期');
  // under the follow-up tab, open since it is the module with something overdue
  await expect(page.getByRole('tab', { name: /^重点人员：已逾期 1/ })).toHaveAttribute('aria-selected', 'true');
  const overdue = page.getByTestId('due-followup').getByTestId('overdue').getByTestId('dashboard-item');
  await expect(overdue).toHaveCount(1);
  await expect(overdue).toContainText('钱老四');
  await expect(overdue).toContainText('王调解');
  await expect(overdue).toContainText('2024-05-15');
  await expect(overdue).toContainText('已逾期31天');
  await shot(page, '04-dashboard-overdue');

  // The ledger flags it too
  await page.getByRole('link', { name: '重点人员' }).click();
  await page.getByRole('button', { name: /^更多筛选/ }).click();
  await page.getByRole('switch', { name: '仅看逾期' }).check();
  const row = page.getByRole('row').filter({ hasText: '钱老四' });
  await expect(row).toContainText('2024-05-15');
  await expect(row).toContainText('逾期');
  await page.getByRole('link', { name: '首页' }).click();

  // The item opens the file where it is satisfied
  await overdue.getByRole('link', { name: '随访（不稳定）' }).click();
  await expect(page.getByRole('heading', { name: '钱老四' })).toBeVisible();
  await expect(dueItems(page).filter({ hasText: '2024-05-15' })).toContainText('已逾期');
  await page.getByRole('button', { name: '记录随访' }).first().click();
  const visit = page.getByRole('dialog', { name: '记录随访' });
  await expect(visit.getByLabel('随访日期')).toHaveValue(E2E_TODAY);
  await visit.getByLabel('随访情况').fill('入户走访，患者按时服药，情绪平稳，监护人在家照看。');
  await visit.getByRole('button', { name: '保存' }).click();
  await expect(visit).toBeHidden();
  await expect(dueItems(page).filter({ hasText: '随访（不稳定）' })).toContainText('2024-06-29');
  await shot(page, '05-file-visited');

  // Back home: nothing overdue any more
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByText('近期没有到期事项')).toBeVisible();
  await expect(page.getByTestId('overdue-banner')).toBeHidden();
  await shot(page, '06-dashboard-cleared');
});

test('an overdue visit is extended with its reason, then excused instead; both are on the file and in its history', async ({
  page,
  app,
}) => {
  const status = app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const file = overdueFile(app, status.operator!.id, '周小六', { diagnosis: '精神分裂症', guardianName: '周母', guardianRelation: '母子' });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/followup/${file.id}`);
  const item = dueItems(page).filter({ hasText: '2024-05-15' });
  await expect(item).toContainText('已逾期');

  // 延期: the form refuses a shorter date and a missing reason, then takes a later one
  await item.getByRole('button', { name: '延期' }).click();
  const extend = page.getByRole('dialog', { name: '延期：随访（不稳定）' });
  await extend.getByRole('button', { name: '确定延期' }).click();
  await expect(extend.getByText('请填写延期后的到期日')).toBeVisible();
  await expect(extend.getByText('请填写理由')).toBeVisible();
  await extend.getByLabel('延期至').fill('2024-05-10');
  await extend.getByLabel('延期理由').fill('住院治疗，出院后随访');
  await extend.getByRole('button', { name: '确定延期' }).click();
  await expect(extend.getByText(/不能缩短期限/)).toBeVisible();
  await extend.getByLabel('延期至').fill('2024-06-20');
  await extend.getByRole('heading').first().click(); // close the date picker
  await extend.getByRole('button', { name: '确定延期' }).click();
  await expect(extend).toBeHidden();
  const moved = dueItems(page).filter({ hasText: '2024-06-20' });
  await expect(moved).toContainText('原到期日 2024-05-15（延期：住院治疗，出院后随访）');
  await expect(moved).toContainText('即将到期');
  await expect(page.getByTestId('item-actions')).toContainText('随访（不稳定）：延至 2024-06-20（住院治疗，出院后随访）');
  await shot(page, '07-item-extended');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByTestId('overdue-banner')).toBeHidden();

  // Taken back, then excused: the cadence goes on from the excused visit (05-15 + 2 weeks = 05-29)
  await page.goBack();
  await page.getByTestId('item-actions').getByRole('button', { name: '撤销' }).click();
  await page.getByRole('dialog', { name: '撤销延期' }).getByRole('button', { name: '撤销延期' }).click();
  await expect(dueItems(page).filter({ hasText: '2024-05-15' })).toContainText('已逾期');
  await dueItems(page).filter({ hasText: '2024-05-15' }).getByRole('button', { name: '免除' }).click();
  const waive = page.getByRole('dialog', { name: '免除：随访（不稳定）' });
  await waive.getByLabel('免除理由').fill('外出务工，已电话联系监护人');
  await waive.getByRole('button', { name: '确定免除' }).click();
  await expect(waive).toBeHidden();
  await expect(dueItems(page).filter({ hasText: '2024-05-29' })).toContainText('已逾期');
  await expect(page.getByTestId('item-actions')).toContainText('2024-05-15 免除（外出务工，已电话联系监护人）');
  await expect(page.getByTestId('audit-entry').first()).toContainText('外出务工，已电话联系监护人');
  await shot(page, '08-item-waived');
});

test('a drug file: the agreement date closes its item; a positive test owes a report to the police, on the dashboard and the file, closed by recording the report', async ({
  page,
  app,
}) => {
  const file = setUpFile(app, '孙戒毒', {
    group: 'drug',
    level: 'red',
    startDate: '2024-01-10',
    facts: { drugType: 'detox', decisionDate: '2024-01-05', reportDate: '2024-01-10' },
  });
  testOn(app, file.id, '2024-05-20');
  await openFile(page, app, file.id);

  // Reported on 01-10, no agreement recorded: 签订社区戒毒协议 was due the next working day (REVIEW row 2)
  await expect(page.getByRole('heading', { name: '孙戒毒' })).toBeVisible();
  await expect(page.getByTestId('drug-facts')).toContainText('尚未签订');
  await expect(dueItems(page).filter({ hasText: '签订社区戒毒协议' })).toContainText('已逾期');
  await page.getByRole('link', { name: '编辑' }).click();
  const agreement = page.getByLabel('社区戒毒协议签订日期');
  await fillDate(agreement, '2024-01-10', page.getByRole('heading', { name: '修改档案：孙戒毒' }));
  await expect(page.getByLabel('期满日期（以决定书为准）')).toHaveAccessibleDescription(
    '决定书未载明的留空，按报到之日起3年计（2027-01-10）',
  );
  await shot(page, '09-drug-form');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('heading', { name: '孙戒毒' })).toBeVisible();
  await expect(page.getByTestId('drug-facts')).toContainText('2024-01-10');
  await expect(dueItems(page).filter({ hasText: '签订社区戒毒协议' })).toHaveCount(0);

  // A 未到 with a proper reason is kept with its reason and not counted as a refusal (REVIEW row 14)
  const record = async (date: string, result: string, findings: string, excuse?: string) => {
    await page.getByRole('button', { name: '记录走访或检测' }).first().click();
    const dialog = page.getByRole('dialog', { name: '记录走访或检测' });
    await dialog.getByText('检测', { exact: true }).click();
    await fillDate(dialog.getByLabel('检测日期'), date, dialog.getByRole('heading').first());
    await dialog.getByRole('combobox', { name: '检测结果' }).click();
    await page.getByRole('option', { name: result, exact: true }).click();
    if (excuse) await dialog.getByLabel('正当理由').fill(excuse);
    await dialog.getByLabel('走访情况').fill(findings);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  };
  await record('2024-06-07', '未到', '通知到所检测未到，本人住院', '因病住院治疗（有住院证明）');
  await expect(page.getByTestId('followup-visit').filter({ hasText: '2024-06-07' })).toContainText(
    '有正当理由：因病住院治疗（有住院证明）',
  );
  await expect(page.getByText('逃避或拒绝检测0次；另有1次有正当理由未到，不计入')).toBeVisible();

  // A positive test on Friday 06-14: to be reported to the police by Monday 06-17
  await record('2024-06-14', '阳性', '尿检吗啡阳性，本人承认近日复吸');
  const duty = page.getByTestId('police-duty').filter({ hasText: '报告公安机关（2024-06-14检测阳性）' });
  await expect(duty).toContainText('2024-06-17前报告');
  await expect(duty).toContainText('即将到期');
  await expect(dueItems(page).filter({ hasText: '报告公安机关（2024-06-14检测阳性）' })).toContainText('2024-06-17');
  await shot(page, '10-drug-file-positive');

  // The dashboard lists it; it opens the file
  await page.getByRole('link', { name: '首页' }).click();
  const item = page.getByTestId('due-soon').getByTestId('dashboard-item').filter({ hasText: '报告公安机关' });
  await expect(item).toContainText('孙戒毒');
  await expect(item).toContainText('2024-06-17');
  await shot(page, '11-dashboard-police-report');
  await item.getByRole('link', { name: '报告公安机关（2024-06-14检测阳性）' }).click();
  await expect(page.getByRole('heading', { name: '孙戒毒' })).toBeVisible();

  // Recording the report (the open duty ticked) closes it
  await page.getByTestId('police-card').getByRole('button', { name: '记录报告' }).click();
  const report = page.getByRole('dialog', { name: '记录报告公安机关' });
  await expect(report.getByRole('checkbox', { name: /报告公安机关（2024-06-14检测阳性）/ })).toBeChecked();
  await report.getByRole('button', { name: '保存' }).click();
  await expect(report.getByText('请填写公安机关（派出所）')).toBeVisible();
  await expect(report.getByText('请填写接收人')).toBeVisible();
  await report.getByLabel('公安机关（派出所）').fill('高寨派出所');
  await report.getByLabel('接收人').fill('李警官');
  await report.getByLabel('报告内容').fill('电话报告检测阳性结果，派出所已登记');
  await shot(page, '12-report-dialog');
  await report.getByRole('button', { name: '保存' }).click();
  await expect(report).toBeHidden();
  await expect(duty).toContainText('已完成');
  await expect(duty).toContainText('2024-06-15 已报告');
  const row = page.getByTestId('police-report');
  await expect(row).toContainText('高寨派出所');
  await expect(row).toContainText('李警官');
  await expect(row).toContainText('2024-06-14检测阳性');
  await expect(dueItems(page).filter({ hasText: '报告公安机关' })).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '13-drug-file-reported');

  // Back home: the report is no longer owed
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByTestId('dashboard-item').filter({ hasText: '报告公安机关' })).toHaveCount(0);
});

test('a drug file detained and released: no test falls due meanwhile, the one that fell due is excused; the office may push the term end back', async ({
  page,
  app,
}) => {
  const file = setUpFile(app, '周康复', {
    group: 'drug',
    level: 'yellow',
    startDate: '2024-01-10',
    facts: { drugType: 'rehab', decisionDate: '2024-01-05', reportDate: '2024-01-10', agreementDate: '2024-01-10', termEnd: '2026-01-10' },
  });
  testOn(app, file.id, '2024-04-10');
  await openFile(page, app, file.id);

  // The end date the decision states (REVIEW row 13); the test due 05-10 is overdue
  await expect(page.getByTestId('drug-facts')).toContainText('2026-01-10');
  await expect(page.getByTestId('drug-facts')).toContainText('决定书载明');
  await expect(dueItems(page).filter({ hasText: '定期检测' })).toContainText('已逾期');

  // Detained from 05-01: nothing falls due while it lasts
  await page.getByRole('button', { name: '记录中止' }).click();
  const held = page.getByRole('dialog', { name: '记录中止' });
  await fillDate(held.getByLabel('中止日期'), '2024-05-01', held.getByRole('heading').first());
  await held.getByLabel('说明').fill('县看守所');
  await held.getByRole('button', { name: '保存' }).click();
  await expect(held).toBeHidden();
  await expect(page.getByTestId('drug-facts')).toContainText('中止中');
  await expect(page.getByTestId('suspension')).toContainText('2024-05-01 至 今（尚未释放）');
  await expect(dueItems(page).filter({ hasText: '定期检测' })).toHaveCount(0);
  await shot(page, '14-drug-suspended');

  // Released on 06-10: the test that fell due is excused, the next counts from the release
  await page.getByTestId('suspension').getByRole('button', { name: '记录释放' }).click();
  const release = page.getByRole('dialog', { name: '修改中止记录' });
  await fillDate(release.getByLabel('释放日期'), '2024-06-10', release.getByRole('heading').first());
  await release.getByRole('button', { name: '保存' }).click();
  await expect(release).toBeHidden();
  await expect(dueItems(page).filter({ hasText: '定期检测' })).toContainText('2024-07-10');
  await page.getByRole('switch', { name: /显示已完成/ }).check();
  await expect(dueItems(page).filter({ hasText: '2024-05-10' })).toContainText('免除：中止期间（被依法拘留）');

  // The office pushes the term end back by the days suspended (40)
  await page.goto(`${app.url}#/settings`);
  await page.getByRole('tab', { name: '走访频次' }).click();
  const settings = page.getByTestId('drug-settings');
  await expect(settings).toContainText('未经核实');
  await settings.getByRole('switch', { name: '中止期间顺延期满日期' }).check();
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('社区戒毒（康复）设置已保存')).toBeVisible();
  await shot(page, '15-drug-settings');
  await page.goto(`${app.url}#/followup/${file.id}`);
  await expect(page.getByTestId('drug-facts')).toContainText('2026-02-19');
  await expect(page.getByTestId('drug-facts')).toContainText('因中止顺延40日（原2026-01-10）');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '16-drug-term-extended');
});

test('a basically stable patient is seen 2 weeks after the reassessment; the stability found then sets the next visit', async ({
  page,
  app,
}) => {
  const file = setUpFile(app, '吴稳定', {
    group: 'mental_health',
    level: '2',
    startDate: '2024-06-01',
    facts: { diagnosis: '精神分裂症', guardianName: '吴母', guardianRelation: '母子' },
  });
  await openFile(page, app, file.id);

  // REVIEW row 5: level 2 from 06-01 → the first visit at 2 weeks, 06-15
  await expect(dueItems(page).filter({ hasText: '随访（基本稳定，2周时）' })).toContainText('2024-06-15');
  await page.getByRole('button', { name: '记录随访' }).first().click();
  const visit = page.getByRole('dialog', { name: '记录随访' });
  await visit.getByLabel('随访情况').fill('按时服药，情绪平稳，无冲动行为。');
  await visit.getByRole('combobox', { name: '病情稳定情况' }).click();
  await page.getByRole('option', { name: '稳定', exact: true }).click();
  await visit.getByRole('button', { name: '保存' }).click();
  await expect(visit).toBeHidden();

  // Stable at that visit: the next in 3 months
  await expect(page.getByTestId('followup-visit')).toContainText('病情稳定');
  await expect(dueItems(page).filter({ hasText: '随访（基本稳定，已评估为稳定）' })).toContainText('2024-09-15');
  await expect(page.getByTestId('cadence').filter({ hasText: '随访（基本稳定' })).toContainText('2024-06-15起每3个月');
  await shot(page, '17-basic-stable-visited');
});
