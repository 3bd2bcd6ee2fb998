/**
 * A case's particulars corrected after acceptance (编辑: summary, amount, and its source — an entrusted
 * one then needs its sending body, REVIEW row 9), and a record entered by mistake deleted after asking;
 * both are in the case's history.
 */
import { E2E_TODAY, expect, test } from './fixtures';

test("correct a case's particulars and delete a record entered by mistake", async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const person = app.call('persons.create', { name: '张三' });
  const staffId = app.call('staff.list', {})[0]!.id;
  const c = app.call('mediation.create', {
    origin: 'application',
    acceptedDate: '2024-06-03',
    mediatingBody: 'township',
    category: '01',
    summary: '赡养费纠纷',
    parties: [{ personId: person.id, role: 'applicant' }],
    mediatorIds: [staffId],
  });
  app.call('mediation.saveRecord', {
    caseId: c.id,
    kind: 'session',
    date: '2024-06-05',
    participants: '张三、王调解',
    content: '误录的记录',
  });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/mediation/${c.id}`);

  // 编辑: the form opens with the case as it is; its source can be corrected.
  await page.getByRole('link', { name: '编辑' }).click();
  await expect(page.getByRole('heading', { name: `编辑案件信息　${c.caseNo}` })).toBeVisible();
  const origin = page.getByRole('combobox', { name: '案件来源' });
  await expect(origin).toHaveValue('当事人申请');
  await origin.click();
  await page.getByRole('option', { name: '法院委托' }).click();
  const summary = page.getByRole('textbox', { name: '纠纷简要情况' });
  await expect(summary).toHaveValue('赡养费纠纷');
  await summary.fill('');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请填写纠纷简要情况')).toBeVisible();
  await expect(page.getByText('委托移送的案件须填写移送/委托单位')).toBeVisible();
  await summary.fill('赡养费纠纷，兄弟二人分担比例有争议');
  await page.getByRole('textbox', { name: '移送/委托单位' }).fill('某某县人民法院');
  await page.getByRole('textbox', { name: '涉及金额（元）' }).fill('12000');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: c.caseNo })).toBeVisible();
  await expect(page.getByText('赡养费纠纷，兄弟二人分担比例有争议', { exact: true })).toBeVisible();
  await expect(page.getByText('法院委托（某某县人民法院）')).toBeVisible();

  // A record entered by mistake: deleted after asking, gone from the file.
  const record = page.getByTestId('mediation-record').filter({ hasText: '误录的记录' });
  await record.getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '删除调解记录' });
  await expect(confirm).toContainText('删除后不能恢复');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByTestId('mediation-record')).toHaveCount(0);
  await expect(page.getByText('还没有记录。')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('01-edited.png'), fullPage: true });
});
