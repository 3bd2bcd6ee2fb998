/**
 * The end of a correction (REVIEW §5.4, REVIEW §5.5): on a 缓刑 file whose term ended yesterday, two 训诫 are recorded
 * and the 警告 is suggested with its condition; the 期满鉴定 is recorded; the file is 解除 with 转入安置帮教, which
 * opens the new assistance file (由社区矫正转入, linked back), and the correction file shows its end, read-only,
 * until the 解除 is undone with a reason.
 */
import { choose, E2E_TODAY, expect, fillDate, shot, test } from './fixtures';

test('two 训诫 suggest a 警告; 期满鉴定; 解除 at the term end handed over to 安置帮教', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const village = app.call('villages.save', { name: '高寨村' });
  const p = app.call('persons.create', { name: '孙解矫', phone: '13800138001' });
  const staff = app.call('staff.list', {})[0]!;
  const f = app.call('correction.create', {
    personId: p.id,
    category: 'probation',
    crime: '危险驾驶罪',
    penaltyType: '拘役',
    penaltyTerm: '三个月，缓刑六个月',
    decisionOrgan: '某某县人民法院',
    documentType: '判决书',
    documentNumber: '（2023）某0101刑初88号',
    effectiveDate: '2023-12-15',
    termStart: '2023-12-15',
    termEnd: '2024-06-14',
    villageId: village.id,
    responsibleStaffId: staff.id,
  });
  app.call('correction.saveReception', { id: f.id, reportDate: '2023-12-20' });
  app.call('correction.saveEvent', { fileId: f.id, kind: 'report', date: '2024-06-10', method: '当面报告', content: '汇报本月情况' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/correction/${f.id}`);
  await expect(page.getByRole('heading', { name: '孙解矫' })).toBeVisible();
  const sanctions = page.getByTestId('sanctions');
  await expect(sanctions.getByText('尚无奖惩记录。')).toBeVisible();

  // Two 训诫, each with its 调查核实 and the county's decision
  for (const [n, facts] of [
    ['1', '未经批准离开本县一日'],
    ['2', '经教育后再次未经批准外出'],
  ]) {
    await sanctions.getByRole('button', { name: '记录奖惩' }).click();
    const dialog = page.getByRole('dialog', { name: '记录考核奖惩' });
    const head = dialog.getByRole('heading').first();
    await choose(dialog, page, '事由（适用条件）', '违反关于报告、会客、外出、迁居等规定，情节轻微');
    await dialog.getByLabel('调查核实的事实和材料').fill(facts!);
    await fillDate(dialog.getByLabel('决定日期'), E2E_TODAY, head);
    await dialog.getByLabel('决定文书号').fill(`某司矫训字〔2024〕${n}号`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(sanctions.getByTestId('sanction-list').getByRole('row')).toHaveCount(3);
  const suggestion = sanctions.getByTestId('sanction-suggestion');
  await expect(suggestion).toContainText('建议：警告');
  await expect(suggestion).toContainText('适用条件：受到训诫后仍不改正（两次训诫）');
  // The suggestion opens the form filled in; nothing is recorded until it is saved
  await suggestion.getByRole('button', { name: '按建议记录' }).click();
  const draft = page.getByRole('dialog', { name: '记录考核奖惩' });
  await expect(draft.getByRole('combobox', { name: '种类', exact: true })).toHaveValue('警告');
  await expect(draft.getByRole('combobox', { name: '事由（适用条件）', exact: true })).toHaveValue('受到训诫后仍不改正（两次训诫）');
  await draft.getByRole('button', { name: '取消' }).click();
  await expect(draft).toBeHidden();

  // 期满鉴定
  const end = page.getByTestId('correction-end');
  await end.getByRole('button', { name: '记录期满鉴定' }).click();
  const appraisal = page.getByRole('dialog', { name: '个人总结与期满鉴定' });
  await fillDate(appraisal.getByLabel('个人总结日期'), '2024-06-10', appraisal.getByRole('heading').first());
  await appraisal.getByLabel('鉴定意见').fill('认罪悔罪，遵守监督管理规定，矫正效果良好');
  await appraisal.getByRole('button', { name: '保存' }).click();
  await expect(appraisal).toBeHidden();
  await expect(end).toContainText('认罪悔罪，遵守监督管理规定，矫正效果良好');
  await shot(page, '01-file-before-release');

  // 解除 at the term end, handed over to 安置帮教 (on by default)
  await end.getByRole('button', { name: '解除', exact: true }).click();
  const release = page.getByRole('dialog', { name: '解除社区矫正' });
  await expect(release.getByRole('textbox', { name: '解除日期' })).toHaveValue('2024-06-14');
  await expect(release.getByRole('checkbox', { name: '转入安置帮教' })).toBeChecked();
  await release.getByLabel('解除社区矫正证明书编号').fill('某矫解字〔2024〕15号');
  await release.getByLabel('宣告主持人').fill('王调解');
  await release.getByRole('button', { name: '解除并转入安置帮教' }).click();
  await expect(release).toBeHidden();

  // The new assistance file, from the correction file
  await expect(page).toHaveURL(/#\/assistance\/[0-9A-Z]{26}$/);
  await expect(page.getByRole('heading', { name: '孙解矫' })).toBeVisible();
  await expect(page.getByText('社区矫正期满', { exact: true })).toBeVisible();
  const back = page.getByTestId('from-correction');
  await expect(back).toHaveText('由社区矫正转入');
  await shot(page, '02-assistance');

  // Back on the correction file: ended, read-only, linked to the assistance file
  await back.click();
  await expect(page.getByRole('heading', { name: '孙解矫' })).toBeVisible();
  await expect(page.getByTestId('end-facts')).toContainText('已解除：矫正期满，2024-06-14');
  await expect(page.getByTestId('end-facts')).toContainText('原判刑罚不再执行');
  await expect(page.getByTestId('handed-over')).toContainText('已转入安置帮教');
  await expect(page.getByRole('button', { name: '记录奖惩' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '撤销解除' })).toBeVisible();
  await expect(page.getByRole('link', { name: '修改' })).toHaveAttribute('data-disabled', 'true');
  await shot(page, '03-file-released');

  // A 解除 recorded by mistake is undone with its reason; the assistance file it opened is pointed out
  await page.getByRole('button', { name: '撤销解除' }).click();
  const undo = page.getByRole('dialog', { name: '撤销解除' });
  await undo.getByRole('button', { name: '撤销解除' }).click();
  await expect(undo.getByText('请填写撤销理由')).toBeVisible();
  await undo.getByLabel('撤销理由').fill('证明书尚未送达，误先登记解除');
  await undo.getByRole('button', { name: '撤销解除' }).click();
  await expect(undo).toBeHidden();
  await expect(page.getByTestId('end-facts')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '记录奖惩' })).toBeVisible();
  await expect(page.getByTestId('handed-over')).toContainText('仍在册');
});
