/**
 * 移交工作: a colleague leaves; the settings show what is open in their charge and hand all of it to another
 * colleague in one step; the disputes then list the new 承办人 and each keeps the change in its history.
 */
import { E2E_TODAY, expect, test } from './fixtures';

test('hand a leaving colleague’s open disputes to another in one step', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const li = app.call('staff.save', { name: '李建国', post: '司法所所长', kind: 'staff' });
  app.call('staff.save', { name: '赵秀兰', post: '专职调解员', kind: 'staff' });
  const a = app.call('persons.create', { name: '张三' });
  const b = app.call('persons.create', { name: '李四' });
  const register = (summary: string) =>
    app.call('disputes.create', {
      intakeDate: '2024-06-01',
      source: 'visit',
      category: '02',
      summary,
      responsibleStaffId: li.id,
      parties: [
        { personId: a.id, role: 'applicant' },
        { personId: b.id, role: 'respondent' },
      ],
    });
  const first = register('宅基地边界争执');
  register('排水沟堵塞');
  const done = register('借款纠纷');
  app.call('disputes.changeStatus', { id: done.id, to: 'rejected', date: '2024-06-02', note: '不属于受理范围' });

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/settings?tab=staff`);
  await page.getByRole('row').filter({ hasText: '李建国' }).getByRole('button', { name: '移交工作' }).click();
  const dialog = page.getByRole('dialog', { name: '移交工作：李建国' });
  await expect(dialog.getByText('李建国名下有2 件未办结的纠纷')).toBeVisible();
  await dialog.getByRole('button', { name: '移交' }).click();
  await expect(dialog.getByText('请选择接手的工作人员')).toBeVisible();
  await dialog.getByRole('combobox', { name: '移交给' }).click();
  await page.getByRole('option', { name: '赵秀兰（专职调解员）' }).click();
  await page.screenshot({ path: test.info().outputPath('handover.png') });
  await dialog.getByRole('button', { name: '移交' }).click();
  await expect(page.getByText('已将李建国的2 件未办结的纠纷移交给赵秀兰（专职调解员）')).toBeVisible();

  await page.goto(`${app.url}#/disputes`);
  await expect(page.getByRole('row').filter({ hasText: first.caseNo })).toContainText('赵秀兰');
  await expect(page.getByRole('row').filter({ hasText: done.caseNo })).toContainText('李建国');
  await page.goto(`${app.url}#/disputes/${first.id}`);
  await expect(page.getByText(/承办人.*李建国.*赵秀兰/)).toBeVisible();
});
