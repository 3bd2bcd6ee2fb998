/**
 * 安置帮教统计: files arranged through the API under the fixed clock (2024-06-15); the page opens from the
 * ledger, shows the indicators with their definitions and the persons not yet 衔接 by name, a 衔接
 * recorded in the UI moves 衔接率 (and prints on its 衔接登记表), and the monthly 未衔接 list and the ledger
 * download as .xlsx.
 *
 * 甲 released 03-01, fetched by the family 03-02, team and agreement, employed, visited 06-01.
 * 乙 released 06-01, not yet 衔接.
 */
import type { Page } from '@playwright/test';
import { choose, E2E_TODAY, expect, fillDate, shot, test } from './fixtures';
import type { Input } from '../../shared/contract';

const stat = (page: Page, name: string) => page.getByTestId(`stat-${name}`);

test('indicators for the year, the 未衔接 persons by name, and the monthly list as .xlsx', async ({ page, app }) => {
  const status = app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const staffId = status.operator!.id;
  const file = (name: string, input: Partial<Input<'assistance.create'>>) => {
    const p = app.call('persons.create', { name });
    return app.call('assistance.create', {
      personId: p.id,
      crime: '盗窃罪',
      sentence: '有期徒刑二年',
      releaseType: 'expiry',
      releaseDate: '2024-06-01',
      responsibleStaffId: staffId,
      ...input,
    });
  };
  const jia = file('甲某', { releaseDate: '2024-03-01' });
  app.call('assistance.saveHandover', { id: jia.id, state: 'done', method: 'family', returnDate: '2024-03-02' });
  app.call('assistance.saveTeam', {
    id: jia.id,
    agreementDate: '2024-03-05',
    members: [
      { name: '王调解', role: '司法所工作人员' },
      { name: '甲母', role: '亲属' },
    ],
  });
  app.call('assistance.savePlacement', { id: jia.id, placement: 'employed', placementDate: '2024-04-01' });
  app.call('assistance.saveRecord', { fileId: jia.id, kind: 'visit', method: '走访', date: '2024-06-01', content: '在家务工' });
  app.call('assistance.saveRecord', {
    fileId: jia.id,
    kind: 'aid',
    aidType: '临时救助',
    amount: 800,
    date: '2024-04-02',
    content: '生活困难',
  });
  // A talk every week from March: more records than a file page lists at first
  for (let d = 10; d < 101; d += 7) {
    const date = new Date(Date.UTC(2024, 2, d)).toISOString().slice(0, 10);
    app.call('assistance.saveRecord', { fileId: jia.id, kind: 'visit', method: '谈话', date, content: '每周谈话，情况稳定' });
  }
  file('乙某', {});

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);
  await page.getByRole('link', { name: '安置帮教' }).click();
  await page.getByRole('link', { name: '统计', exact: true }).click();

  await expect(page.getByRole('heading', { name: '安置帮教统计' })).toBeVisible();
  await expect(stat(page, '在册人数')).toHaveText('2');
  await expect(stat(page, '本期释放')).toHaveText('2');
  await expect(stat(page, '衔接率')).toHaveText('50.00%');
  await expect(stat(page, '安置率')).toHaveText('50.00%');
  await expect(stat(page, '帮教率')).toHaveText('50.00%');
  await expect(stat(page, '临时救助')).toHaveText('1 人次');
  await expect(page.getByText('金额 800 元')).toBeVisible();
  // 重新犯罪率 divided by those released in the period instead of those on the register
  await expect(page.getByText('重新犯罪 0 人 ÷ 截止日在册人数 2 人')).toBeVisible();
  await page.getByText('本期释放人数', { exact: true }).click();
  await expect(page.getByText('重新犯罪 0 人 ÷ 本期释放人数 2 人')).toBeVisible();
  await expect(page.getByTestId('stat-definitions')).toContainText('衔接率 = 本期释放人员中，到截止日已衔接的人数 ÷ 本期释放人数');
  const unlinked = page.getByTestId('table-unlinked');
  await expect(unlinked.getByRole('row')).toHaveCount(2);
  await expect(unlinked).toContainText('乙某');
  await expect(unlinked).toContainText('14');
  await shot(page, 'assistance-stats');

  // The monthly list as the county asks for it
  const [list] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出未衔接人员月报' }).click()]);
  expect(list.suggestedFilename()).toBe('高寨乡未衔接人员月报_2024-06.xlsx');

  // 乙 is fetched home: from the person's name to the file, 衔接 recorded, back to the figures
  await unlinked.getByRole('link', { name: '乙某' }).click();
  await page.getByRole('button', { name: '登记衔接' }).click();
  const handover = page.getByRole('dialog', { name: '衔接登记' });
  await choose(handover, page, '衔接方式', '家属接回');
  await fillDate(handover.getByLabel('接回（返回）日期'), '2024-06-10', handover.getByRole('heading').first());
  await handover.getByRole('button', { name: '保存' }).click();
  await expect(handover).toBeHidden();
  await expect(page.getByTestId('handover-state')).toHaveText('已衔接');
  // Its 衔接登记表, previewed as it prints and saved as Word
  await page.getByRole('button', { name: '文书与打印' }).click();
  const preview = page.getByTestId('doc-preview');
  await expect(preview).toContainText('刑满释放人员衔接登记表');
  await expect(preview).toContainText('家属接回');
  await expect(page.getByRole('button', { name: /解除帮教登记表/ })).toContainText('帮教尚未结束');
  await shot(page, 'assistance-documents');
  const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载Word文档' }).click()]);
  expect(word.suggestedFilename()).toBe('乙某 刑满释放人员衔接登记表.docx');
  await page.keyboard.press('Escape');
  await page.goBack();
  await expect(stat(page, '衔接率')).toHaveText('100.00%');
  await expect(page.getByTestId('unlinked-none')).toBeVisible();

  // 甲's records: the latest twelve, the rest behind 显示全部
  await page.goto(`${app.url}#/assistance/${jia.id}`);
  const records = page.getByTestId('records');
  await expect(records.getByRole('row')).toHaveCount(13);
  await page.getByRole('button', { name: '显示全部 15 条' }).click();
  await expect(records.getByRole('row')).toHaveCount(16);
  await page.getByRole('link', { name: '安置帮教' }).click();

  // The ledger with its filter, as on screen
  const [ledger] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  expect(ledger.suggestedFilename()).toBe(`高寨乡安置帮教台账_${E2E_TODAY}.xlsx`);
});
