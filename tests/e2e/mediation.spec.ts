/**
 * A people's-mediation case from acceptance to return visit: a registered dispute is taken into
 * mediation, investigated, mediated twice, settled by a written agreement, closed, visited, and the
 * statistics move.
 */
import type { Locator, Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { E2E_TODAY, expect, test } from './fixtures';

/** Types a date, then clicks the dialog's title (as a user would) so the calendar closes and uncovers the next field. */
async function fillDate(field: Locator, value: string) {
  await field.fill(value);
  await field.page().getByRole('dialog').getByRole('heading').first().click();
  await expect(field).toHaveValue(value);
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

async function addRecord(page: Page, button: string, date: string, participants: string, content: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await fillDate(dialog.getByLabel('日期'), date);
  await dialog.getByLabel('参加人员').fill(participants);
  await dialog.getByRole('textbox', { name: /调查内容|调解经过/ }).fill(content);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test('take a dispute through mediation to an agreement and a return visit; the statistics follow', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const a = app.call('persons.create', { name: '张三', phone: '13800138000' });
  const b = app.call('persons.create', { name: '李四' });
  const d = app.call('disputes.create', {
    intakeDate: '2024-06-01',
    source: 'visit',
    category: '03',
    summary: '界墙倒塌砸坏邻居菜地，双方对赔偿数额争执不下',
    amountYuan: 3000,
    parties: [
      { personId: a.id, role: 'applicant' },
      { personId: b.id, role: 'respondent' },
    ],
  });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);

  // Statistics before: nothing mediated this year
  await page.getByRole('link', { name: '人民调解' }).click();
  await page.getByRole('link', { name: '统计' }).click();
  await expect(page.getByTestId('stat-调解成功件数')).toHaveText('0');
  await expect(page.getByTestId('stat-调解成功率')).toHaveText('—');

  // Acceptance from the dispute register
  await page.goto(`${app.url}#/disputes/${d.id}`);
  await page.getByRole('button', { name: '转入人民调解' }).click();
  const open = page.getByRole('dialog', { name: '转入人民调解（受理）' });
  await fillDate(open.getByLabel('受理日期'), '2024-06-03');
  await open.getByRole('combobox', { name: '调解员' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: '王调解' }).click();
  await open.getByRole('heading').first().click();
  await open.getByRole('button', { name: '受理' }).click();
  await expect(page.getByRole('heading', { name: '（2024）高寨乡人调字第1号' })).toBeVisible();
  await expect(page.getByRole('link', { name: d.caseNo })).toBeVisible();

  // One investigation, two sessions
  await addRecord(page, '新增调查记录', '2024-06-04', '王调解', '到现场查看倒塌的界墙和受损菜地，拍照留存。');
  await addRecord(page, '新增调解记录', '2024-06-05', '王调解、张三、李四', '第一次调解：张三同意赔偿，双方对数额分歧较大。');
  await addRecord(page, '新增调解记录', '2024-06-07', '王调解、张三、李四', '第二次调解：双方同意按2000元赔偿并重砌界墙。');
  await expect(page.getByTestId('mediation-record')).toHaveCount(3);

  // A written agreement, signed by everyone
  await page.getByRole('button', { name: '登记调解协议' }).click();
  const ag = page.getByRole('dialog', { name: '登记调解协议' });
  await ag.getByLabel('纠纷的主要事实').fill('张三家界墙年久失修倒塌，砸坏李四菜地。');
  await ag.getByLabel('争议事项').fill('赔偿数额及界墙修复');
  await ag.getByLabel('各方当事人的责任').fill('张三负全部责任');
  await ag.getByRole('textbox', { name: '协议内容', exact: true }).fill('一、张三赔偿李四菜地损失2000元；二、张三于6月30日前重砌界墙。');
  await fillDate(ag.getByLabel('当事人 张三 签名（按印）日期'), '2024-06-07');
  await fillDate(ag.getByLabel('当事人 李四 签名（按印）日期'), '2024-06-08');
  await fillDate(ag.getByLabel('调解员签名日期'), '2024-06-07');
  await fillDate(ag.getByLabel('调委会盖章日期'), '2024-06-08');
  await ag.getByRole('button', { name: '+ 添加履行事项' }).click();
  await ag.getByRole('textbox', { name: '履行事项1', exact: true }).fill('张三赔偿李四2000元');
  await fillDate(ag.getByRole('textbox', { name: '履行事项1期限' }), '2024-06-10');
  await shot(page, '01-agreement');
  await ag.getByRole('button', { name: '保存协议' }).click();
  await expect(ag).toBeHidden();
  await expect(page.getByText('2024-06-08 生效')).toBeVisible();
  await expect(page.getByText('申请期限至 2024-07-08，还剩23天')).toBeVisible();
  await expect(page.getByText('逾期')).toBeVisible();

  // Close as successful: the dispute follows
  await page.getByRole('button', { name: '结案' }).click();
  const close = page.getByRole('dialog', { name: '结案' });
  await fillDate(close.getByLabel('结案日期'), '2024-06-08');
  await close.getByRole('button', { name: '确定结案' }).click();
  await expect(close).toBeHidden();
  await expect(page.getByText('调解成功').first()).toBeVisible();

  // Performance, then the return visit fills the proposed one
  await page.getByRole('combobox', { name: '履行事项1的履行情况' }).click();
  await page.getByRole('option', { name: '已履行' }).click();
  await expect(page.getByText('逾期')).toBeHidden();
  // The item is dated as performed today, and with it the agreement
  await expect(page.getByText('2024-06-15 履行完毕')).toBeVisible();
  await expect(page.getByText('履行完毕日期：2024-06-15')).toBeVisible();
  await page.getByRole('button', { name: '记录回访' }).click();
  const visit = page.getByRole('dialog', { name: '记录回访' });
  await fillDate(visit.getByLabel('回访日期'), '2024-06-15');
  await visit.getByLabel('回访情况').fill('赔偿款已付清，界墙正在重砌，双方关系缓和。');
  await visit.getByRole('button', { name: '保存' }).click();
  await expect(visit).toBeHidden();
  await expect(page.getByRole('cell', { name: '2024-06-15', exact: true })).toBeVisible();
  await shot(page, '02-case-file');

  // The agreement as a document: previewed as it prints, then downloaded as Word
  await page.getByRole('button', { name: '文书与打印' }).click();
  const docs = page.getByRole('dialog', { name: /文书与打印/ });
  await expect(docs.getByRole('button', { name: '人民调解协议书', exact: true })).toBeVisible();
  const sheet = docs.getByTestId('doc-sheet');
  await expect(sheet.getByRole('heading', { name: '人民调解协议书' })).toBeVisible();
  await expect(sheet.getByText('编号：（2024）高寨乡人调字第1号')).toBeVisible();
  await expect(sheet.getByText(/^申请人：张三/)).toBeVisible();
  await expect(docs.getByText('尚无口头协议')).toBeVisible();
  await shot(page, '03-agreement-preview');
  const [download] = await Promise.all([page.waitForEvent('download'), docs.getByRole('button', { name: '下载Word文档' }).click()]);
  expect(download.suggestedFilename()).toBe('（2024）高寨乡人调字第1号 人民调解协议书.docx');
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  expect(words).toContain('张三赔偿李四菜地损失2000元');
  expect(words).toContain('申请人（签名、盖章或者按指印）：');
  // Printing sends only the document: in print media the app is hidden and the sheets are shown
  await docs.getByRole('button', { name: '人民调解回访记录', exact: true }).click();
  await expect(sheet.getByText('赔偿款已付清，界墙正在重砌，双方关系缓和。')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#print-host')).toBeVisible();
  await expect(page.locator('#print-host').getByText('调解协议编号')).toBeVisible();
  await expect(docs).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('04-print-media.png') });
  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Escape');
  await expect(docs).toBeHidden();

  // The dispute register shows the outcome; the statistics moved
  await page.getByRole('link', { name: d.caseNo }).click();
  await expect(page.getByText('化解', { exact: true }).first()).toBeVisible();
  await page.getByRole('link', { name: '人民调解' }).click();
  await expect(page.getByRole('cell', { name: '（2024）高寨乡人调字第1号' })).toBeVisible();
  await page.getByRole('link', { name: '统计' }).click();
  await expect(page.getByTestId('stat-受理件数')).toHaveText('1');
  await expect(page.getByTestId('stat-调解成功件数')).toHaveText('1');
  await expect(page.getByTestId('stat-调解成功率')).toHaveText('100.00%');
  await expect(page.getByTestId('stat-协议履行率')).toHaveText('100.00%');
  await shot(page, '05-stats');
});
