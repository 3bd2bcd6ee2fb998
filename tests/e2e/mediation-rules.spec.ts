/**
 * The rules the domain review found missing from a mediation case (REVIEW rows 6, 7, 8, 9, 15, 17):
 * the source asked when a dispute is taken in from the register and printed on the 受理登记表; the
 * case's 调解期限 on the dashboard and its extension with the parties' consent; a late 司法确认
 * application warned of and kept with the court's 受理日期 and 案号; a labour dispute's 15-day notice
 * and limitation; ending a mediation with its reason and the routes told; a land-contract dispute's
 * written agreement.
 */
import { E2E_TODAY, expect, fillDate, type LedgerFixture, shot, test } from './fixtures';

/** A set-up township with two persons — the applicant and the respondent — and its operator, the mediator. */
function township(app: LedgerFixture, applicant: string, respondent: string) {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const a = app.call('persons.create', { name: applicant });
  const b = app.call('persons.create', { name: respondent });
  const parties = [
    { personId: a.id, role: 'applicant' as const },
    { personId: b.id, role: 'respondent' as const },
  ];
  return { a, b, parties, staffId: app.call('staff.list', {})[0]!.id };
}

test('a dispute from the register is taken in with its real source, printed on the register form, and owes its 调解期限 until extended with consent', async ({
  page,
  app,
}) => {
  const { parties } = township(app, '张三', '李四');
  const d = app.call('disputes.create', {
    intakeDate: '2024-05-10',
    source: 'hotline12345',
    ticketNo: 'GD20240510001',
    ticketUnit: '县12345热线中心',
    category: '02',
    summary: '排水沟堵塞，雨水倒灌邻居院内',
    parties,
  });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/disputes/${d.id}`);

  // 受理: the source is asked, proposed from the dispute's 12345 work order with its 转办单位
  await page.getByRole('button', { name: '转入人民调解' }).click();
  const open = page.getByRole('dialog', { name: '转入人民调解（受理）' });
  const heading = open.getByRole('heading').first();
  await fillDate(open.getByLabel('受理日期'), '2024-05-13', heading);
  const origin = open.getByRole('combobox', { name: '案件来源' });
  await expect(origin).toHaveValue('政府部门指定/转办');
  await expect(open.getByText('按纠纷来源“12345热线”预选，请按实际情况确认')).toBeVisible();
  const sender = open.getByRole('textbox', { name: '移送/委托单位' });
  await expect(sender).toHaveValue('县12345热线中心');
  // The options are the register form's two and the entrusted kinds
  await origin.click();
  await expect(page.getByRole('option', { name: '人民调解委员会主动调解' })).toBeVisible();
  await expect(page.getByRole('option', { name: '排查登记转入' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await sender.fill('');
  await open.getByRole('combobox', { name: '调解员' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: '王调解' }).click();
  await heading.click();
  await open.getByRole('button', { name: '受理' }).click();
  await expect(open.getByText('委托移送的案件须填写移送/委托单位')).toBeVisible();
  await sender.fill('县12345热线中心');
  await shot(page, '01-open-from-register');
  await open.getByRole('button', { name: '受理' }).click();
  await expect(page.getByRole('heading', { name: '（2024）高寨乡人调字第1号' })).toBeVisible();
  await expect(page.getByText('政府部门指定/转办（县12345热线中心）')).toBeVisible();
  await expect(page.getByRole('link', { name: d.caseNo })).toBeVisible();

  // Its 调解期限: accepted 05-13, a calendar month → 06-13, overdue today
  const deadlines = page.getByTestId('case-deadlines');
  await expect(deadlines.getByTestId('handling-due')).toHaveText('2024-06-13');
  await expect(deadlines.getByText('已逾期', { exact: true })).toBeVisible();
  await expect(deadlines.getByTestId('days-left')).toHaveText('已逾期2天');

  // The 受理登记表 prints the form's two options, neither ticked, and the sending body below
  await page.getByRole('button', { name: '文书与打印' }).click();
  const docs = page.getByRole('dialog', { name: /文书与打印/ });
  await docs.getByRole('button', { name: '人民调解受理登记表', exact: true }).click();
  const sheet = docs.getByTestId('doc-sheet');
  await expect(sheet.getByRole('heading', { name: '人民调解受理登记表' })).toBeVisible();
  await expect(sheet.getByText('☐①当事人申请　☐②人民调解委员会主动调解')).toBeVisible();
  await expect(sheet.getByText('移送/委托单位')).toBeVisible();
  await expect(sheet.getByText('政府部门指定/转办：县12345热线中心')).toBeVisible();
  await shot(page, '02-register-form');
  await page.keyboard.press('Escape');
  await expect(docs).toBeHidden();

  // The dashboard lists it among people's mediation's overdue items, in its own tab (the dispute's deadline is under 矛盾纠纷)
  await page.goto(`${app.url}#/`);
  await expect(page.getByTestId('refreshing')).toHaveCount(0, { timeout: 15_000 });
  await page.getByRole('tab', { name: /^人民调解：已逾期 1/ }).click();
  const overdueRow = page.getByTestId('due-mediation').getByTestId('overdue').getByRole('row').filter({ hasText: '调解期限' });
  await expect(overdueRow).toHaveCount(1);
  await expect(overdueRow).toContainText('2024-06-13');
  await expect(overdueRow).toContainText('已逾期2天');
  await shot(page, '03-dashboard-overdue');

  // 延长调解期限: refused until both parties' consent is ticked, then shown with the date it replaced
  await overdueRow.getByRole('link', { name: '调解期限' }).click();
  await page.getByRole('button', { name: '延长调解期限' }).click();
  const ext = page.getByRole('dialog', { name: '延长调解期限' });
  await expect(ext.getByText('当前调解期限：2024-06-13。')).toBeVisible();
  await fillDate(ext.getByLabel('延长至'), '2024-07-13', ext.getByRole('heading').first());
  await ext.getByLabel('延长理由').fill('排水沟产权需待村委会查明，双方同意延长');
  await ext.getByRole('button', { name: '延长' }).click();
  await expect(ext.getByText('延长调解期限须经双方当事人同意，请确认后勾选')).toBeVisible();
  await ext.getByRole('checkbox', { name: '双方当事人均同意延长调解期限' }).check();
  await ext.getByRole('button', { name: '延长' }).click();
  await expect(ext).toBeHidden();
  await expect(deadlines.getByTestId('handling-due')).toHaveText('2024-07-13');
  await expect(deadlines.getByText('（原期限 2024-06-13）')).toBeVisible();
  const extRow = page.getByTestId('extensions').getByRole('row').filter({ hasText: '排水沟产权需待村委会查明' });
  await expect(extRow).toContainText('2024-06-15');
  await expect(extRow).toContainText('双方同意');
  await shot(page, '04-extended');

  // …and it leaves the overdue list
  await page.goto(`${app.url}#/`);
  await expect(page.getByTestId('refreshing')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('due-dispute').getByTestId('overdue').getByRole('row').filter({ hasText: '纠纷办理期限' })).toHaveCount(1);
  await page.getByRole('tab', { name: /^人民调解：已逾期 0/ }).click();
  await expect(page.getByTestId('due-mediation')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '调解期限' })).toHaveCount(0);
});

test('a 司法确认 application after the 30 days is warned of and kept, with the court chosen under art. 205, its 受理日期 and 案号', async ({
  page,
  app,
}) => {
  const { a, b, parties, staffId } = township(app, '张三', '李四');
  const c = app.call('mediation.create', {
    origin: 'application',
    acceptedDate: '2024-05-06',
    mediatingBody: 'township',
    category: '06',
    summary: '电动车碰撞致伤赔偿',
    parties,
    mediatorIds: [staffId],
  });
  // Effective 2024-05-10: the 30th day is a Sunday, so the last day to apply was Monday 06-10
  app.call('mediation.saveAgreement', {
    caseId: c.id,
    form: 'written',
    facts: '李四驾驶电动车撞伤张三',
    matters: '医疗费和误工费',
    content: '李四赔偿张三医疗费、误工费共计5000元',
    partySignatures: [
      { personId: a.id, date: '2024-05-10' },
      { personId: b.id, date: '2024-05-10' },
    ],
    mediatorSignedDate: '2024-05-10',
    sealDate: '2024-05-10',
    items: [],
  });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/mediation/${c.id}`);

  const card = page.getByTestId('confirmation-card');
  const title = card.getByRole('heading', { name: '司法确认' });
  await expect(card.getByText('申请期限已于 2024-06-10 届满')).toBeVisible();
  await card.getByRole('combobox', { name: '当事人是否申请' }).click();
  await page.getByRole('option', { name: '拟申请' }).click();
  // Typing a date after the window warns at once
  await fillDate(card.getByLabel('申请日期'), '2024-06-12', title);
  await expect(card.getByTestId('late-confirmation')).toContainText('申请日期晚于申请期限（2024-06-10）');
  await card.getByLabel('法院名称').fill('某某县人民法院');
  await card.getByRole('button', { name: '保存司法确认情况' }).click();
  await expect(card.getByText('请选择向哪一法院申请（民事诉讼法第二百零五条）')).toBeVisible();
  await card.getByRole('combobox', { name: '申请法院（民事诉讼法第二百零五条）' }).click();
  await expect(page.getByRole('option', { name: '委派调解的人民法院' })).toBeVisible();
  await expect(page.getByRole('option', { name: '中级人民法院（纠纷属中级人民法院管辖）' })).toBeVisible();
  await page.getByRole('option', { name: '当事人住所地基层人民法院' }).click();
  await card.getByRole('button', { name: '保存司法确认情况' }).click();
  await expect(page.getByText('司法确认情况已保存')).toBeVisible();
  await expect(card.getByTestId('late-confirmation')).toContainText('已按实际申请日期登记。');

  // The court's 受理日期 and 案号, then how it ended: 撤回（按撤回处理）on a 撤回日期
  await fillDate(card.getByLabel('法院受理日期'), '2024-06-13', title);
  await card.getByLabel('案号').fill('豫0102民特12号');
  await card.getByRole('combobox', { name: '结果' }).click();
  await expect(page.getByRole('option', { name: '不予受理' })).toBeVisible();
  await page.getByRole('option', { name: '撤回（按撤回处理）' }).click();
  await fillDate(card.getByLabel('撤回日期'), '2024-06-14', title);
  await card.getByRole('button', { name: '保存司法确认情况' }).click();
  await expect(card.getByText('案号应如（2024）豫0102民特12号：括号内为年份，以“号”结尾')).toBeVisible();
  await card.getByLabel('案号').fill('（2024）豫0102民特12号');
  const [saved] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('mediation.saveConfirmation')),
    card.getByRole('button', { name: '保存司法确认情况' }).click(),
  ]);
  expect(saved.ok()).toBe(true);
  await expect(card.getByText('案号应如（2024）豫0102民特12号：括号内为年份，以“号”结尾')).toBeHidden();
  await shot(page, '05-late-confirmation');

  // Kept: the page read again shows what was saved, and the ledger says 撤回
  await page.reload();
  await expect(card.getByLabel('案号')).toHaveValue('（2024）豫0102民特12号');
  await expect(card.getByLabel('法院受理日期')).toHaveValue('2024-06-13');
  await expect(card.getByRole('combobox', { name: '结果' })).toHaveValue('撤回（按撤回处理）');
  await expect(card.getByTestId('late-confirmation')).toBeVisible();
  await page.getByRole('link', { name: '人民调解' }).click();
  await expect(page.getByRole('row').filter({ hasText: c.caseNo })).toContainText('撤回');
});

test('a labour dispute owes the 15-day notice and shows its limitation; ending it asks why and the routes; a land-contract dispute is settled in writing', async ({
  page,
  app,
}) => {
  const { parties, staffId } = township(app, '赵工', '钱老板');
  const labour = app.call('mediation.create', {
    origin: 'application',
    acceptedDate: '2024-05-20',
    mediatingBody: 'village',
    committeeName: '东村人民调解委员会',
    category: '10',
    summary: '拖欠三个月工资',
    amountYuan: 15000,
    parties,
    mediatorIds: [staffId],
  });
  const land = app.call('mediation.create', {
    origin: 'initiative',
    acceptedDate: '2024-06-03',
    mediatingBody: 'village',
    committeeName: '东村人民调解委员会',
    category: '07',
    landContract: true,
    summary: '承包地边界争议',
    parties,
    mediatorIds: [staffId],
  });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/mediation/${labour.id}`);

  // The village committee numbers its own files
  await expect(page.getByRole('heading', { name: '（2024）东村人调字第1号' })).toBeVisible();
  const deadlines = page.getByTestId('case-deadlines');
  const labourBasis = deadlines.getByTestId('basis').filter({ hasText: '15日内未达成协议——告知可申请劳动仲裁' });
  await expect(labourBasis).toBeVisible();
  await labourBasis.hover();
  await expect(page.getByRole('tooltip')).toContainText('《劳动争议调解仲裁法》第十四条');
  await expect(deadlines.getByTestId('labour-due')).toHaveText('2024-06-04');
  await expect(deadlines.getByTestId('labour-limitation')).toContainText('劳动争议申请仲裁的时效期间为一年');
  await shot(page, '06-labour-case');
  await deadlines.getByRole('button', { name: '登记已告知' }).click();
  const told = page.getByRole('dialog', { name: '登记告知可申请劳动仲裁' });
  await expect(told.getByLabel('告知日期')).toHaveValue(E2E_TODAY);
  await told.getByRole('button', { name: '保存' }).click();
  await expect(told).toBeHidden();
  await expect(deadlines.getByText(`已于 ${E2E_TODAY} 告知当事人`)).toBeVisible();
  await expect(deadlines.getByText(`超期完成（${E2E_TODAY}）`)).toBeVisible();

  // 终止调解: a party refused; the routes must be told
  await page.getByRole('button', { name: '结案' }).click();
  const close = page.getByRole('dialog', { name: '结案' });
  await close.getByText('终止调解', { exact: true }).click();
  await close.getByRole('combobox', { name: '终止原因' }).click();
  await page.getByRole('option', { name: '一方当事人明确拒绝调解' }).click();
  await close.getByLabel('终止调解的情况说明').fill('钱老板明确表示不接受调解');
  await close.getByRole('button', { name: '确定结案' }).click();
  await expect(close.getByText(/终止调解时须告知当事人可依法通过仲裁、行政、司法等途径维护权利/)).toBeVisible();
  await close.getByRole('checkbox', { name: '仲裁' }).check();
  await shot(page, '07-terminate');
  await close.getByRole('button', { name: '确定结案' }).click();
  await expect(close).toBeHidden();
  await expect(page.getByText(`${E2E_TODAY}　终止原因：一方当事人明确拒绝调解　钱老板明确表示不接受调解　已告知：仲裁`)).toBeVisible();
  // …and the history says it in words
  await expect(page.getByText('终止原因：一方当事人明确拒绝调解', { exact: true })).toBeVisible();
  await expect(page.getByText('告知途径：仲裁', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '延长调解期限' })).toHaveCount(0);

  // A land-contract dispute: the written agreement only, and its two-year limitation
  await page.goto(`${app.url}#/mediation/${land.id}`);
  await expect(page.getByRole('heading', { name: '（2024）东村人调字第2号' })).toBeVisible();
  await expect(page.getByText('山林土地纠纷（土地承包经营纠纷）')).toBeVisible();
  await expect(page.getByTestId('land-contract')).toContainText('申请仲裁的时效期间为二年');
  await page.getByRole('button', { name: '登记调解协议' }).click();
  const ag = page.getByRole('dialog', { name: '登记调解协议' });
  await expect(ag.getByText('应当制作调解协议书（农村土地承包经营纠纷调解仲裁法第十条），不能采用口头协议')).toBeVisible();
  await expect(ag.getByRole('radio', { name: '口头协议' })).toBeDisabled();
  await shot(page, '08-land-agreement');
});
