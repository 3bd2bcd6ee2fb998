/**
 * The intake register end to end, as a new user would go: first run → a village → register a
 * dispute with an existing party and a new one → find the party by pinyin initials → change the
 * status → see the audit trail → delete → restore from the recycle bin.
 */
import type { Page } from '@playwright/test';
import { idCheckChar } from '../../shared/domain/id-number';
import { E2E_TODAY, expect, fillAdministrator, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

test('register a dispute, find its party by pinyin, move it on, delete and restore it', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);

  // First run
  await expect(page.getByRole('heading', { name: '乡镇司法台账 · 首次设置' })).toBeVisible();
  await page.getByRole('button', { name: '完成设置，开始使用' }).click();
  await expect(page.getByText('请填写乡镇名称')).toBeVisible();
  await page.getByLabel('乡镇名称').fill('高寨乡');
  await page.getByLabel('所属县（市、区）').fill('某某县');
  await page.getByLabel('您的姓名').fill('王调解');
  await page.getByLabel('职务').fill('调委会主任');
  await fillAdministrator(page);
  await shot(page, '01-first-run');
  await page.getByRole('button', { name: '完成设置，开始使用' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.getByRole('link', { name: '矛盾纠纷登记' }).click();
  await expect(page.getByRole('heading', { name: '矛盾纠纷排查登记' })).toBeVisible();
  await expect(page.getByText('还没有登记纠纷')).toBeVisible();

  // A village
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('button', { name: '添加村（社区）' }).click();
  await page.getByRole('dialog', { name: '添加村（社区）' }).getByLabel('村（社区）名称').fill('高寨村');
  await page.getByRole('dialog', { name: '添加村（社区）' }).getByRole('button', { name: '添加' }).click();
  await expect(page.getByText('高寨村', { exact: true })).toBeVisible();

  // An existing person in the registry
  const first17 = '41010219800501123';
  app.call('persons.create', { name: '张三丰', idNumber: first17 + idCheckChar(first17), phone: '13812345678' });

  // Register the dispute
  await page.getByRole('link', { name: '矛盾纠纷登记' }).click();
  await page.getByRole('link', { name: '登记纠纷' }).click();
  await expect(page.getByText('案号（保存时确定）：高寨乡纠〔2024〕1号')).toBeVisible();
  await page.getByLabel('登记日期').fill('2024-06-01');
  await pick(page, '纠纷来源', '群众来访');
  await pick(page, '纠纷类型', '邻里纠纷');
  await pick(page, '村（社区）', '高寨村');
  await page.getByRole('combobox', { name: '第1位当事人', exact: true }).fill('zsf');
  await page.getByRole('option', { name: /张三丰/ }).click();
  await page.getByRole('button', { name: '新建人员' }).nth(1).click();
  const modal = page.getByRole('dialog', { name: '新建人员' });
  await modal.getByLabel('姓名').fill('李四');
  await modal.getByLabel('联系电话').fill('13900139000');
  await modal.getByRole('button', { name: '保存并选用' }).click();
  await expect(modal).toBeHidden();
  await page.getByLabel('纠纷简要情况').fill('两家因宅前排水沟堵塞积水发生争执，要求疏通并赔偿损失。');
  await page.getByLabel('涉及人数').fill('6');
  await shot(page, '02-dispute-form');
  await page.getByRole('button', { name: '登记', exact: true }).click();

  await expect(page.getByRole('heading', { name: '高寨乡纠〔2024〕1号' })).toBeVisible();
  await expect(page.getByRole('link', { name: '张三丰' })).toBeVisible();
  await expect(page.getByRole('link', { name: '李四' })).toBeVisible();
  await shot(page, '03-dispute-detail');

  // Find the party by pinyin initials; their page lists the dispute
  await page.getByRole('link', { name: '人员库' }).click();
  await page.getByRole('textbox', { name: '搜索人员' }).fill('zsf');
  await expect(page.getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: '张三丰' }).click();
  await expect(page.getByText('相关记录')).toBeVisible();
  await shot(page, '04-person');
  await page.getByRole('link', { name: /高寨乡纠〔2024〕1号/ }).click();

  // Move it on: 登记 → 受理, and see the audit trail
  await page.getByRole('button', { name: '受理', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('日期').fill('2024-06-02');
  await dialog.getByLabel('说明').fill('当事人申请，符合受理条件');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('2024-06-02　受理')).toBeVisible();
  const audit = page.getByTestId('audit-entry');
  await expect(audit.first()).toContainText('状态变更');
  await expect(audit.first()).toContainText('王调解');
  await expect(audit.first()).toContainText('状态：登记 → 受理');
  await shot(page, '05-accepted');

  // Edit: the change is audited field by field
  await page.getByRole('link', { name: '编辑' }).click();
  await expect(page.getByRole('heading', { name: '编辑纠纷登记：高寨乡纠〔2024〕1号' })).toBeVisible();
  await page.getByLabel('涉及人数').fill('8');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('heading', { name: '高寨乡纠〔2024〕1号' })).toBeVisible();
  await expect(audit.first()).toContainText('修改');
  await expect(audit.first()).toContainText('涉及人数：6 → 8');

  // Delete (with confirmation) and restore from the recycle bin
  await page.getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('heading', { name: '矛盾纠纷排查登记' })).toBeVisible();
  await expect(page.getByText('还没有登记纠纷')).toBeVisible();
  await page.getByRole('link', { name: '回收站' }).click();
  await expect(page.getByRole('cell', { name: '高寨乡纠〔2024〕1号' })).toBeVisible();
  await shot(page, '06-recycle');
  await page.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('没有已删除的纠纷登记')).toBeVisible();
  await page.getByRole('link', { name: '矛盾纠纷登记' }).click();
  await expect(page.getByRole('link', { name: '高寨乡纠〔2024〕1号' })).toBeVisible();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await shot(page, '07-list');
});
