/**
 * Forms that keep the user's work, on the dispute form as a township office uses it: leaving with
 * unsaved changes asks first (by the navigation, 取消, the browser's back and Esc; a clean form just
 * leaves), 放弃 leaves and 继续编辑 stays with what was typed; every error shows at once, a future
 * 登记日期 among them; focus starts in the first field (姓名 in 新建人员); Ctrl+S saves the page and
 * Ctrl+Enter confirms a dialog; 承办人 is the operator; a party's village is taken or offered; a
 * landline is a phone number.
 */
import type { Locator, Page } from '@playwright/test';
import { E2E_TODAY, expect, test } from './fixtures';

const GUARD = '放弃未保存的内容？';

/** The window as the user sees it, from the top of the page. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

async function pick(scope: Page | Locator, label: string, option: string | RegExp) {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** Opens a new registration from the register, as the user does. */
async function newDispute(page: Page) {
  await page.getByRole('link', { name: '矛盾纠纷登记' }).click();
  await page.getByRole('link', { name: '登记纠纷' }).click();
  await expect(page.getByRole('heading', { name: '登记矛盾纠纷' })).toBeVisible();
}

test.beforeEach(async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const east = app.call('villages.save', { name: '东村' });
  const west = app.call('villages.save', { name: '西村' });
  app.call('persons.create', { name: '张三', villageId: east.id });
  app.call('persons.create', { name: '王五', villageId: west.id });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
});

test('leaving a dispute form with unsaved changes asks first, by the sidebar, 取消, the browser back and Esc', async ({ page }) => {
  const guard = page.getByRole('dialog', { name: GUARD });
  const summary = page.getByLabel('纠纷简要情况');

  // A clean form: focus starts in its first field (the calendar stays closed), and Esc or the sidebar just leave
  await newDispute(page);
  await expect(page.getByLabel('登记日期')).toBeFocused();
  await expect(page.locator('[data-dates-dropdown]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: '矛盾纠纷排查登记' })).toBeVisible();
  await page.getByRole('link', { name: '登记纠纷' }).click();
  await expect(page.getByRole('heading', { name: '登记矛盾纠纷' })).toBeVisible();
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(guard).toHaveCount(0);

  // Typed into: the sidebar asks; 继续编辑 stays with the text
  await newDispute(page);
  await summary.fill('东西两户因宅前排水沟堵塞发生争执');
  await page.getByRole('link', { name: '人民调解' }).click();
  await expect(guard).toBeVisible();
  await expect(guard.getByRole('button', { name: '放弃' })).toBeVisible();
  await expect(guard.getByRole('button', { name: '继续编辑' })).toBeFocused();
  await shot(page, '01-guard-dialog');
  await guard.getByRole('button', { name: '继续编辑' }).click();
  await expect(guard).toBeHidden();
  await expect(page.getByRole('heading', { name: '登记矛盾纠纷' })).toBeVisible();
  await expect(summary).toHaveValue('东西两户因宅前排水沟堵塞发生争执');

  // The form's 取消 (its way back) asks too
  await page.getByRole('button', { name: '取消' }).click();
  await expect(guard).toBeVisible();
  await guard.getByRole('button', { name: '继续编辑' }).click();
  await expect(guard).toBeHidden();
  await expect(summary).toHaveValue('东西两户因宅前排水沟堵塞发生争执');

  // So does the browser's back
  await page.goBack();
  await expect(guard).toBeVisible();
  await guard.getByRole('button', { name: '继续编辑' }).click();
  await expect(guard).toBeHidden();
  await expect(page).toHaveURL(/#\/disputes\/new$/);
  await expect(summary).toHaveValue('东西两户因宅前排水沟堵塞发生争执');

  // And Esc; 放弃 leaves, and nothing was saved
  await summary.click();
  await page.keyboard.press('Escape');
  await expect(guard).toBeVisible();
  await guard.getByRole('button', { name: '放弃' }).click();
  await expect(page.getByRole('heading', { name: '矛盾纠纷排查登记' })).toBeVisible();
  await expect(page.getByText('还没有登记纠纷')).toBeVisible();
  await expect(guard).toHaveCount(0);
});

test('every error at once with the future date, then Ctrl+S saves; the 新建人员 dialog starts at 姓名, takes a landline and confirms on Ctrl+Enter', async ({
  page,
  app,
}) => {
  await newDispute(page);
  const form = page.getByRole('heading', { name: '登记矛盾纠纷' });

  // 承办人 is the operator until someone else is chosen
  await expect(page.getByRole('combobox', { name: '承办人', exact: true })).toHaveValue('王调解');

  // A future 登记日期 and nothing else filled in: every error shows at once, before anything reaches the host
  await page.getByLabel('登记日期').fill('2024-06-16');
  await form.click();
  await page.getByRole('button', { name: '登记', exact: true }).click();
  for (const message of ['登记日期不能晚于今天', '请选择纠纷来源', '请选择纠纷类型', '至少登记一名当事人', '请填写纠纷简要情况']) {
    await expect(page.getByText(message, { exact: true })).toBeVisible();
  }
  await shot(page, '02-all-errors-at-once');
  expect(app.call('disputes.list', {}).total).toBe(0);

  await page.getByLabel('登记日期').fill(E2E_TODAY);
  await form.click();
  await pick(page, '纠纷来源', '群众来访');
  await pick(page, '纠纷类型', '邻里纠纷');

  // A party's village becomes the dispute's while it has none; another party's is offered, not imposed
  const village = page.getByRole('combobox', { name: '村（社区）', exact: true });
  await expect(village).toHaveValue('');
  await page.getByRole('combobox', { name: '第1位当事人', exact: true }).fill('张三');
  await page.getByRole('option', { name: /张三/ }).click();
  await expect(village).toHaveValue('东村');
  await page.getByRole('combobox', { name: '第2位当事人', exact: true }).fill('王五');
  await page.getByRole('option', { name: /王五/ }).click();
  await expect(page.getByTestId('village-offer')).toHaveText('当事人王五住西村，改为西村');
  await expect(village).toHaveValue('东村');

  // A third party created inline: the dialog starts at 姓名
  await page.getByRole('button', { name: '+ 添加当事人' }).click();
  await page.getByRole('button', { name: '新建人员（第3位当事人）' }).click();
  const dialog = page.getByRole('dialog', { name: '新建人员' });
  await expect(dialog.getByLabel('姓名')).toBeFocused();
  await dialog.getByLabel('姓名').fill('李四');

  // Esc on a dialog with changes asks too; 继续编辑 keeps the dialog and the name
  await page.keyboard.press('Escape');
  const guard = page.getByRole('dialog', { name: GUARD });
  await expect(guard).toBeVisible();
  await shot(page, '03-dialog-guard');
  await guard.getByRole('button', { name: '继续编辑' }).click();
  await expect(guard).toBeHidden();
  await expect(dialog.getByLabel('姓名')).toHaveValue('李四');

  // A bad number is refused with a message that names the fixed line; a landline with its area code is taken
  const phone = dialog.getByLabel('联系电话');
  await phone.fill('12345');
  await phone.press('Control+Enter');
  await expect(dialog.getByText('请填写11位手机号码，或带区号的固定电话，如 0371-12345678')).toBeVisible();
  await phone.fill('037112345678');
  await phone.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: '第3位当事人', exact: true })).toHaveValue('李四');
  expect(app.call('persons.search', { q: '李四' })).toMatchObject([{ name: '李四', phone: '0371-12345678' }]);

  // Ctrl+S in the summary saves the page's form
  await page.getByLabel('纠纷简要情况').fill('东西两户因宅前排水沟堵塞发生争执');
  await page.getByLabel('纠纷简要情况').press('Control+s');
  await expect(page.getByRole('heading', { name: '高寨乡纠〔2024〕1号' })).toBeVisible();
  const saved = app.call('disputes.list', {}).rows;
  expect(saved).toMatchObject([{ intakeDate: E2E_TODAY, villageName: '东村', staffName: '王调解' }]);
  expect(saved[0]!.parties).toContain('李四');

  // Saved, so moving on does not ask
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(guard).toHaveCount(0);
});
