/**
 * A unit as a party (REVIEW row 10): registered in the person registry with its 统一社会信用代码 (a wrong
 * check character refused at the field, in Chinese), its 法定代表人 and 住所; a person with a 职业或职务 and
 * a 工作单位; both then named on a dispute and found by name.
 */
import { E2E_TODAY, expect, test } from './fixtures';

test('register a company as a party, its credit code checked, and a person with a job and a workplace', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/persons`);
  await page.getByRole('link', { name: '新建人员' }).click();
  await page.getByText('单位（法人或其他组织）').click();
  await expect(page.getByRole('textbox', { name: '公民身份号码' })).toBeHidden();
  await page.getByLabel('单位名称').fill('某某建材有限公司');
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await page.getByLabel('法定代表人（负责人）').fill('刘厂长');
  await page.getByLabel('住所').fill('某某县工业园1号');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('统一社会信用代码校验位不正确，请核对')).toBeVisible();
  expect(app.call('persons.list', {}).total).toBe(0);
  await page.getByLabel('统一社会信用代码').fill('91350100m000100y43');
  await page.screenshot({ path: test.info().outputPath('01-unit-form.png'), fullPage: true });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '某某建材有限公司' })).toBeVisible();
  await expect(page.getByText('91350100M000100Y43')).toBeVisible();
  await expect(page.getByText('刘厂长')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('02-unit-page.png'), fullPage: true });

  // A worker with a job and a workplace
  await page.goto(`${app.url}#/persons/new`);
  await page.getByLabel('姓名').fill('王小二');
  await page.getByLabel('职业或职务').fill('搅拌车司机');
  await page.getByLabel('工作单位').fill('某某建材有限公司');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '王小二' })).toBeVisible();
  await expect(page.getByText('搅拌车司机')).toBeVisible();

  // Both are parties to a labour dispute; the company is found by name
  const [company, worker] = ['某某建材有限公司', '王小二'].map((q) => app.call('persons.search', { q })[0]!);
  const d = app.call('disputes.create', {
    intakeDate: '2024-06-03',
    source: 'visit',
    category: '10',
    summary: '拖欠工资',
    parties: [
      { personId: worker!.id, role: 'applicant' },
      { personId: company!.id, role: 'respondent' },
    ],
  });
  // A labour dispute is due 15 days after registration (劳动争议调解仲裁法第十四条)
  expect(d.deadline).toBe('2024-06-18');
  await page.goto(`${app.url}#/disputes/${d.id}`);
  await expect(page.getByRole('link', { name: '某某建材有限公司' })).toBeVisible();

  // Taken into mediation, the company sends a lawyer with special authority
  const mediatorId = app.call('staff.list', {})[0]!.id;
  const c = app.call('mediation.openFromDispute', {
    disputeId: d.id,
    acceptedDate: '2024-06-04',
    origin: 'application',
    mediatingBody: 'township',
    mediatorIds: [mediatorId],
  });
  await page.goto(`${app.url}#/mediation/${c.id}`);
  await page.getByRole('button', { name: '登记委托代理人' }).click();
  const dialog = page.getByRole('dialog', { name: '登记委托代理人' });
  await dialog.getByRole('combobox', { name: '被代理人' }).click();
  await page.getByRole('option', { name: '某某建材有限公司（被申请人）' }).click();
  await dialog.getByLabel('委托代理人姓名').fill('赵律师');
  await dialog.getByText('特别授权', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /某某建材有限公司/ })).toContainText('赵律师（特别授权）');
  await page.screenshot({ path: test.info().outputPath('03-agent.png'), fullPage: true });
});
