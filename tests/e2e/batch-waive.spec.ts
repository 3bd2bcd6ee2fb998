/**
 * 批量免除 on a follow-up file: two months a person could not be visited (in hospital) are ticked and
 * excused together with one reason; both read 已免除, each with its own 免除 record and audit row. A
 * stale tick (one of the two excused meanwhile from another window) is refused by the host in
 * Chinese, and neither is excused.
 */
import type { Page } from '@playwright/test';
import { E2E_TODAY, expect, shot, test, type LedgerFixture } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const APRIL = '每月走访（2024年4月）';
const MAY = '每月走访（2024年5月）';
const REASON = '4月至5月住院治疗，出院后走访';

/** A 邪教人员 file opened 2024-03-01 and never visited: March, April and May are overdue on 06-15. */
function unvisitedFile(app: LedgerFixture) {
  const status = app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const person = app.call('persons.create', { name: '周小六' });
  return app.call('followup.create', {
    personId: person.id,
    group: 'cult',
    level: 'yellow',
    responsibleStaffId: status.operator!.id,
    startDate: '2024-03-01',
    facts: { transformStatus: '转化中' },
  });
}

async function openFile(page: Page, app: LedgerFixture, id: string) {
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/followup/${id}`);
  await expect(page.getByRole('heading', { name: '周小六' })).toBeVisible();
}

const dueItems = (page: Page) => page.getByTestId('due-item');

test('two overdue months ticked and excused with one reason: both 已免除, two 免除 records, two audit rows', async ({ page, app }) => {
  const file = unvisitedFile(app);
  await openFile(page, app, file.id);
  await expect(dueItems(page)).toHaveCount(4);
  await expect(dueItems(page).filter({ hasText: APRIL })).toContainText('已逾期46天');
  await expect(page.getByRole('button', { name: '批量免除' })).toHaveCount(0);

  await page.getByRole('checkbox', { name: `选择：${APRIL}` }).check();
  await page.getByRole('checkbox', { name: `选择：${MAY}` }).check();
  await expect(page.getByTestId('due-items')).toContainText('已选 2 项');
  await shot(page, '01-ticked');
  await page.getByRole('button', { name: '批量免除' }).click();

  // The dialog lists what will be excused and from which day; the reason is required at the form
  const dialog = page.getByRole('dialog', { name: '批量免除：2 项' });
  const listed = dialog.getByTestId('waive-items');
  await expect(listed.getByRole('row').filter({ hasText: APRIL })).toContainText('2024-04-30');
  await expect(listed.getByRole('row').filter({ hasText: MAY })).toContainText('2024-05-31');
  await dialog.getByRole('button', { name: '确定免除 2 项' }).click();
  await expect(dialog.getByText('请填写免除理由')).toBeVisible();
  await dialog.getByLabel('免除理由').fill(REASON);
  await shot(page, '02-dialog');
  await dialog.getByRole('button', { name: '确定免除 2 项' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已免除 2 项，走访频次自免除之日起继续计算')).toBeVisible();

  // Only March is still owed; the two months read 已免除 with the reason
  await expect(dueItems(page)).toHaveCount(2);
  await expect(dueItems(page).filter({ hasText: '每月走访（2024年3月）' })).toContainText('已逾期');
  await page.getByRole('switch', { name: /显示已完成、漏访/ }).check();
  for (const label of [APRIL, MAY]) {
    const row = dueItems(page).filter({ hasText: label });
    await expect(row).toContainText('已免除');
    await expect(row).toContainText(`免除：${REASON}`);
  }
  const actions = page.getByTestId('item-actions');
  await expect(actions).toContainText(`${APRIL}：2024-04-30 免除（${REASON}）`);
  await expect(actions).toContainText(`${MAY}：2024-05-31 免除（${REASON}）`);

  // One audit row for each item, as a single 免除 writes, with its time in the one format
  const audit = page.getByTestId('audit-entry').filter({ hasText: REASON });
  await expect(audit).toHaveCount(2);
  await expect(audit.filter({ hasText: APRIL })).toHaveCount(1);
  await expect(audit.filter({ hasText: MAY })).toHaveCount(1);
  await expect(audit.first()).toContainText('2024-06-15 16:00');
  await shot(page, '03-waived');
  await page.getByTestId('due-items').screenshot({ path: test.info().outputPath('03b-due-items.png') });
});

test('one ticked item excused meanwhile elsewhere: the host refuses in Chinese and excuses neither', async ({ page, app }) => {
  const file = unvisitedFile(app);
  await openFile(page, app, file.id);
  await page.getByRole('checkbox', { name: `选择：${APRIL}` }).check();
  await page.getByRole('checkbox', { name: `选择：${MAY}` }).check();
  await page.getByRole('button', { name: '批量免除' }).click();
  const dialog = page.getByRole('dialog', { name: '批量免除：2 项' });
  await dialog.getByLabel('免除理由').fill(REASON);

  // Another window excuses May first
  const may = app.call('followup.get', { id: file.id }).dueItems.find((i) => i.label === MAY)!;
  app.call('obligations.actOnItem', {
    module: 'followup',
    ownerId: file.id,
    kind: 'waive',
    ruleId: may.ruleId,
    itemKey: may.key,
    reason: '已电话联系',
  });
  await dialog.getByRole('button', { name: '确定免除 2 项' }).click();
  await expect(page.getByText(`“${MAY}”已完成或已免除；所选事项均未免除。`)).toBeVisible();
  await shot(page, '04-refused');
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.reload();
  await expect(dueItems(page).filter({ hasText: APRIL })).toContainText('已逾期');
  await expect(page.getByTestId('item-actions')).not.toContainText(REASON);
});
