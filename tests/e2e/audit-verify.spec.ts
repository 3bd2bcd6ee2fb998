/**
 * The audit trail that proves itself, in the window: opening a person's page is written to the view
 * log, which 设置 → 审计日志 lists; a row of the audit edited with plain SQL is found by the check the
 * app runs after opening, and every page then warns, naming the first broken row (RELIABILITY T16).
 */
import { expect, shot, test } from './fixtures';

test('a person opened shows in the view log; an edited audit row is warned about with the first broken row', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const li = app.call('persons.create', { name: '李四' });
  app.call('persons.create', { name: '王五' });

  await page.goto(`${app.url}#/persons/${li.id}`);
  await expect(page.getByRole('heading', { name: '李四' })).toBeVisible();

  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '审计日志' }).click();
  const log = page.getByRole('table', { name: '查阅与导出记录' });
  const row = log.getByRole('row').filter({ hasText: '李四' });
  await expect(row).toContainText('王调解');
  await expect(row).toContainText('查阅');
  await expect(row).toContainText('人员');
  // Filtered by another person, the view is not listed.
  const personFilter = page.getByRole('combobox', { name: '人员', exact: true });
  await personFilter.fill('王五');
  await page.getByRole('option', { name: '王五' }).click();
  await expect(page.getByText('没有符合条件的查阅或导出记录。')).toBeVisible();
  await personFilter.fill('李四');
  await page.getByRole('option', { name: '李四' }).click();
  await expect(row).toBeVisible();

  await page.getByRole('button', { name: '立即校验' }).click();
  await expect(page.getByTestId('audit-verdict')).toHaveText(/^审计记录完整：共 7 条，逐条校验无误。$/);
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, '01-audit-page');

  // Someone edits the row that registered 李四 with plain SQL on the file (after setup's, its account's and the login's).
  app.ledger.db
    .prepare("UPDATE audit_log SET actor_name = '别人' WHERE id = (SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 4)")
    .run();
  // The check the app runs after opening the ledger, run again as at the next start.
  await app.host.auditCheck!.start();
  await page.reload();
  const warning = page.getByTestId('audit-warning');
  await expect(warning).toContainText('审计记录可能被篡改');
  await expect(warning).toContainText('第 5 条记录（2024-06-15 16:00，别人 新建 人员）被改动，此后的记录无法证明未被篡改');
  await expect(warning).toContainText('请管理员核查，并与备份中的记录比对');
  // The warning is on every page, and leads to the check's result.
  await page.getByRole('link', { name: '人员库' }).click();
  await expect(warning).toBeVisible();
  await warning.getByRole('link', { name: '查看审计日志' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('第 5 条记录（2024-06-15 16:00，别人 新建 人员）被改动');
  await shot(page, '02-audit-broken');
});
