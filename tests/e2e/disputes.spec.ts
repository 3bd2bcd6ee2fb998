/**
 * The dispute register end to end through the UI, as a township office would use it on day one:
 * first run → settings (a village with a grid, a second staff member who becomes the operator) →
 * register a dispute with an existing party picked by pinyin initials and a new party created
 * inline → find the party in the person registry → 登记→受理 (and 转办 refused without a unit) →
 * the audit trail names the operator → overdue filter → delete (confirmed) → recycle bin → restore.
 */
import type { Page } from '@playwright/test';
import { idCheckChar } from '../../shared/domain/id-number';
import { E2E_TODAY, expect, fillAdministrator, test } from './fixtures';

const CASE_NO = '高寨乡纠〔2024〕1号';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Opens a Mantine Select by its label and picks an option. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

test('register, find, accept, audit, delete and restore a dispute', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);

  // ── First run ─────────────────────────────────────────────────────────
  const setupButton = page.getByRole('button', { name: '完成设置，开始使用' });
  await expect(setupButton).toBeVisible();
  await expect(page.getByText(/账本文件：.*ledger\.db/)).toBeVisible();
  await setupButton.click();
  await expect(page.getByText('请填写乡镇名称')).toBeVisible();
  await expect(page.getByText('请填写所属县（市、区）')).toBeVisible();
  await page.getByLabel('乡镇名称').fill('高寨乡');
  await page.getByLabel('所属县（市、区）').fill('某某县');
  await page.getByLabel('您的姓名').fill('王调解');
  await page.getByLabel('职务').fill('调委会主任');
  await fillAdministrator(page);
  await shot(page, '01-first-run');
  await setupButton.click();

  // The app opens on the dashboard (首页 工作台)
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.getByRole('link', { name: '矛盾纠纷登记' }).click();
  await expect(page.getByRole('heading', { name: '矛盾纠纷排查登记' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('高寨乡');
  await expect(page.getByText('还没有登记纠纷')).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toHaveText('王调解管理员');

  // ── Settings: a village with a grid, and a mediator who takes over as operator ──
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('button', { name: '添加村（社区）' }).click();
  await page.getByRole('dialog', { name: '添加村（社区）' }).getByLabel('村（社区）名称').fill('高寨村');
  await page.getByRole('dialog', { name: '添加村（社区）' }).getByRole('button', { name: '添加' }).click();
  await expect(page.getByText('高寨村', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '添加网格' }).click();
  await page.getByRole('dialog', { name: '添加网格：高寨村' }).getByLabel('网格名称').fill('第一网格');
  await page.getByRole('dialog', { name: '添加网格：高寨村' }).getByRole('button', { name: '添加' }).click();
  await expect(page.getByRole('button', { name: '修改网格：第一网格' })).toBeVisible();

  await page.getByRole('tab', { name: '工作人员' }).click();
  await page.getByRole('textbox', { name: '工作人员姓名' }).fill('李调解');
  await page.getByRole('textbox', { name: '职务' }).fill('专职调解员');
  await page.getByRole('button', { name: '添加工作人员' }).click();
  await expect(page.getByRole('cell', { name: '李调解', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '专职调解员', exact: true })).toBeVisible();
  await page.getByRole('row').filter({ hasText: '李调解' }).getByRole('button', { name: '修改' }).click();
  const staffModal = page.getByRole('dialog', { name: '修改工作人员：李调解' });
  await staffModal.getByLabel('电话').fill('1370013');
  await staffModal.getByRole('button', { name: '保存' }).click();
  await expect(staffModal.getByText('请填写11位手机号码，或带区号的固定电话，如 0371-12345678')).toBeVisible();
  await staffModal.getByLabel('电话').fill('13700137000');
  await staffModal.getByRole('button', { name: '保存' }).click();
  await expect(staffModal).toBeHidden();
  await expect(page.getByRole('cell', { name: '13700137000', exact: true })).toBeVisible();
  await shot(page, '02-settings-staff');

  // The register of people's mediators: a village committee's mediator, offered on new cases
  await page.getByRole('textbox', { name: '工作人员姓名' }).fill('赵调解');
  await page.getByRole('combobox', { name: '类别' }).click();
  await page.getByRole('option', { name: '人民调解员' }).click();
  await page.getByRole('button', { name: '添加调解员' }).click();
  await expect(page.getByText('人民调解员须填写所属调解组织')).toBeVisible();
  await page.getByRole('textbox', { name: '所属调解组织' }).fill('东村人民调解委员会');
  await page.getByRole('button', { name: '添加调解员' }).click();
  await expect(page.getByRole('cell', { name: '东村人民调解委员会', exact: true })).toBeVisible();
  await page.goto(`${app.url}#/mediation/new`);
  await page.getByRole('combobox', { name: '调解员' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: '赵调解（东村人民调解委员会）' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: '设置' }).click();

  // 李调解 logs in (the operator of every change is the logged-in user).
  app.signInAs('李调解');
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toHaveText('李调解工作人员');

  // ── An existing person, arranged through the API ─────────────────────
  const first17 = '41010219800501123';
  app.call('persons.create', { name: '张三丰', idNumber: first17 + idCheckChar(first17), phone: '13812345678' });

  // ── Register the dispute ─────────────────────────────────────────────
  await page.getByRole('link', { name: '矛盾纠纷登记' }).click();
  await page.getByRole('link', { name: '登记纠纷' }).click();
  await expect(page.getByRole('heading', { name: '登记矛盾纠纷' })).toBeVisible();
  await expect(page.getByLabel('登记日期')).toHaveValue(E2E_TODAY);
  await expect(page.getByText(`案号（保存时确定）：${CASE_NO}`)).toBeVisible();

  // Saving the empty form shows Chinese messages at the fields
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByText('请选择纠纷来源')).toBeVisible();
  await expect(page.getByText('请选择纠纷类型')).toBeVisible();
  await expect(page.getByText('请填写纠纷简要情况')).toBeVisible();

  await page.getByLabel('登记日期').fill('2024-06-01');
  await choose(page, '纠纷来源', '群众来访');
  await choose(page, '纠纷类型', '邻里纠纷');
  await expect(page.getByRole('combobox', { name: '网格', exact: true })).toBeDisabled();
  await choose(page, '村（社区）', '高寨村');
  await choose(page, '网格', '第一网格');
  await choose(page, '风险等级', '橙色（中）');
  // 承办人: the operator (李调解 since the settings above) unless another is chosen
  await expect(page.getByRole('combobox', { name: '承办人', exact: true })).toHaveValue('李调解');
  await page.getByLabel('办理期限').fill('2024-06-10');

  // Party 1: the existing person, found by pinyin initials
  await page.getByRole('combobox', { name: '第1位当事人', exact: true }).fill('zsf');
  await page.getByRole('option', { name: /张三丰/ }).click();
  await expect(page.getByRole('combobox', { name: '第1位当事人', exact: true })).toHaveValue(/张三丰/);

  // Party 2: a new person, created inline
  await page.getByRole('button', { name: '新建人员（第2位当事人）' }).click();
  const modal = page.getByRole('dialog', { name: '新建人员' });
  await modal.getByLabel('姓名').fill('李四');
  await modal.getByLabel('联系电话').fill('13900139000');
  await modal.getByRole('button', { name: '保存并选用' }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByRole('combobox', { name: '第2位当事人', exact: true })).toHaveValue(/李四/);

  await page.getByLabel('纠纷简要情况').fill('两家因宅前排水沟堵塞积水发生争执，要求疏通并赔偿损失。');
  await page.getByLabel('涉及人数').fill('6');
  await page.getByLabel('涉及金额（元）').fill('1500');
  await shot(page, '03-dispute-form');
  await page.getByRole('button', { name: '登记', exact: true }).click();

  // ── Detail ───────────────────────────────────────────────────────────
  await expect(page.getByRole('heading', { name: CASE_NO })).toBeVisible();
  await expect(page.getByRole('link', { name: '张三丰' })).toBeVisible();
  await expect(page.getByRole('link', { name: '李四' })).toBeVisible();
  await expect(page.getByText('高寨村 / 第一网格')).toBeVisible();
  await expect(page.getByText('超期', { exact: true })).toBeVisible();
  await shot(page, '04-dispute-detail');

  // ── Person registry: pinyin initials find the party; their page lists the dispute ──
  await page.getByRole('link', { name: '人员库' }).click();
  await expect(page.getByText('共 2 人')).toBeVisible();
  await page.getByRole('textbox', { name: '搜索人员' }).fill('zsf');
  await expect(page.getByText('共 1 人')).toBeVisible();
  // the list masks the ID number: 6 + 8 stars + 4
  await expect(page.getByRole('cell', { name: `410102********${first17.slice(14)}${idCheckChar(first17)}` })).toBeVisible();
  await expect(page.getByText(first17)).toHaveCount(0);
  await page.getByRole('link', { name: '张三丰' }).click();
  await expect(page.getByRole('heading', { name: '张三丰' })).toBeVisible();
  await expect(page.getByText('1980-05-01')).toBeVisible();
  const records = page.getByRole('row').filter({ hasText: CASE_NO });
  await expect(records).toContainText('申请人');
  await expect(records).toContainText('登记');
  await shot(page, '05-person');
  await page.getByRole('link', { name: new RegExp(CASE_NO) }).click();
  await expect(page.getByRole('heading', { name: CASE_NO })).toBeVisible();

  // ── Workflow: 转办 needs a receiving unit; 登记 → 受理 ──────────────────
  await page.getByRole('button', { name: '转办', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: '改为“转办”' });
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('转办须填写接收单位')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: '受理', exact: true }).click();
  dialog = page.getByRole('dialog', { name: '改为“受理”' });
  await expect(dialog.getByLabel('日期')).toHaveValue(E2E_TODAY);
  await dialog.getByLabel('日期').fill('2024-06-02');
  await dialog.getByLabel('说明').fill('当事人申请，符合受理条件');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('2024-06-02　受理')).toBeVisible();
  await expect(page.getByText('当事人申请，符合受理条件', { exact: true })).toBeVisible();
  // next steps from 受理
  await expect(page.getByRole('button', { name: '调处中', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '受理', exact: true })).toHaveCount(0);

  const audit = page.getByTestId('audit-entry');
  await expect(audit).toHaveCount(2);
  await expect(audit.first()).toContainText('状态变更');
  await expect(audit.first()).toContainText('李调解');
  await expect(audit.first()).toContainText('状态：登记 → 受理');
  await expect(audit.last()).toContainText('新建');
  await shot(page, '06-accepted-audit');

  // ── List: columns, overdue filter, status filter ─────────────────────
  await page.getByRole('link', { name: '矛盾纠纷登记' }).click();
  await expect(page.getByText('共 1 条')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: CASE_NO });
  for (const text of [
    '2024-06-01',
    '群众来访',
    '邻里纠纷',
    '张三丰',
    '李四',
    '高寨村',
    '受理',
    '橙色（中）',
    '李调解',
    '2024-06-10',
    '超期',
  ]) {
    await expect(row).toContainText(text);
  }
  await page.getByRole('button', { name: /^更多筛选/ }).click();
  await page.getByRole('switch', { name: '仅看超期' }).check();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await page.getByRole('switch', { name: '仅看超期' }).uncheck();
  await page.getByRole('textbox', { name: '查找' }).fill('排水沟');
  await expect(page.getByText('共 1 条')).toBeVisible();
  await page.getByRole('textbox', { name: '查找' }).fill('不存在的内容');
  await expect(page.getByText('没有符合筛选条件的纠纷')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await shot(page, '07-list');

  // ── Delete (confirmed) → recycle bin → restore ───────────────────────
  await row.getByRole('link', { name: CASE_NO }).click();
  await page.getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '删除纠纷登记' });
  await expect(confirm).toContainText('删除后可在回收站恢复');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('heading', { name: '矛盾纠纷排查登记' })).toBeVisible();
  await expect(page.getByText('还没有登记纠纷')).toBeVisible();

  await page.getByRole('link', { name: '回收站' }).click();
  await expect(page.getByRole('tab', { name: '矛盾纠纷（1）' })).toBeVisible();
  const binRow = page.getByRole('row').filter({ hasText: CASE_NO });
  await expect(binRow).toContainText('张三丰、李四');
  await shot(page, '08-recycle');
  await binRow.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('没有已删除的纠纷登记')).toBeVisible();

  await page.getByRole('link', { name: '矛盾纠纷登记' }).click();
  await expect(page.getByRole('link', { name: CASE_NO })).toBeVisible();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await page.getByRole('link', { name: CASE_NO }).click();
  await expect(audit.first()).toContainText('恢复');
  await expect(audit.nth(1)).toContainText('删除');
  await shot(page, '09-restored');
});
