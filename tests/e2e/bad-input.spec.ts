/** Bad input in the person form: Chinese messages at the field, nothing saved; markup shows as text. */
import { idCheckChar } from '../../shared/domain/id-number';
import { E2E_TODAY, expect, test } from './fixtures';

test('the person form refuses bad input field by field and shows markup as plain text', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const first17 = '11010519491231002';
  const id = first17 + idCheckChar(first17);
  app.call('persons.create', { name: '赵秀兰', idNumber: id });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);
  await page.getByRole('link', { name: '人员库' }).click();
  await page.getByRole('link', { name: '新建人员' }).click();

  // Empty
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请填写姓名')).toBeVisible();

  // Wrong formats
  await page.getByLabel('姓名').fill('<b>粗体</b>');
  await page.getByRole('textbox', { name: '公民身份号码' }).fill('110105194912310021');
  await page.getByLabel('联系电话').fill('12345');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('公民身份号码校验位不正确，请核对')).toBeVisible();
  await expect(page.getByText('请填写11位手机号码，或带区号的固定电话，如 0371-12345678')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('01-field-errors.png'), fullPage: true });

  // An ID already in the registry: refused by the host, with a link to the holder
  await page.getByRole('textbox', { name: '公民身份号码' }).fill(id);
  await page.getByLabel('联系电话').fill('13800138000');
  await expect(page.getByRole('textbox', { name: '出生日期' })).toHaveValue('1949-12-31');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('该公民身份号码已登记为“赵秀兰”', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '查看该人员' })).toBeVisible();
  expect(app.call('persons.list', {}).total).toBe(1);

  // A valid person whose name contains markup
  await page.getByRole('textbox', { name: '公民身份号码' }).fill('');
  await page.getByRole('button', { name: '保存' }).click();
  const heading = page.getByRole('heading', { level: 3 });
  await expect(heading).toHaveText('<b>粗体</b>');
  await expect(heading.locator('b')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('02-markup-as-text.png'), fullPage: true });
  expect(app.call('persons.list', {}).total).toBe(2);
});
