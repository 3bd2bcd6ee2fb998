/**
 * 安置帮教 (REVIEW §6.2, REVIEW §6.3): a person released 3 days ago is registered as a 重点帮教对象; 未衔接 is on the
 * dashboard; a 衔接 other than 必接必送 is refused at the form, 必接必送 recorded; the 1+n team with its agreement,
 * a 就业 placement, a 临时救助 of 800 元 and a visit are recorded, and the next due items follow.
 */
import { choose, expect, fillDate, shot, test } from './fixtures';

test('a 重点 released person: 未衔接 on the dashboard, 必接必送, team, placement, aid and a visit', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  app.call('villages.save', { name: '高寨村' });
  app.call('persons.create', { name: '孙释放', phone: '13800138000' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(new Date('2024-06-15T10:00:00+08:00'));
  await page.goto(app.url);

  await page.getByRole('link', { name: '安置帮教' }).click();
  await expect(page.getByRole('heading', { name: '安置帮教台账' })).toBeVisible();
  await expect(page.getByText('还没有安置帮教档案')).toBeVisible();
  await page.getByRole('link', { name: '新建档案' }).click();
  const title = page.getByRole('heading', { name: '新建安置帮教档案' });

  // The empty form names what is missing, in Chinese, at the fields
  await page.getByRole('button', { name: '建立档案' }).click();
  await expect(page.getByText('请从人员库选择或新建人员')).toBeVisible();
  await expect(page.getByText('请选择释放类型')).toBeVisible();

  await page.getByRole('combobox', { name: '安置帮教对象', exact: true }).fill('孙释放');
  await page.getByRole('option', { name: /孙释放/ }).click();
  await page.getByLabel('罪名').fill('盗窃罪');
  await page.getByLabel('原判刑罚').fill('有期徒刑三年');
  await page.getByLabel('服刑场所').fill('某省某监狱');
  await choose(page, page, '释放类型', '刑满释放');
  await fillDate(page.getByLabel('释放日期'), '2024-06-12', title);
  await expect(page.getByTestId('period-end')).toContainText('2029-06-12（释放之日起5年');
  await choose(page, page, '村（社区）', '高寨村');
  await choose(page, page, '帮教对象类别', '重点（高风险）');
  await expect(page.getByText('重点帮教对象须必接必送：')).toBeVisible();
  await shot(page, '01-form');
  await page.getByRole('button', { name: '建立档案' }).click();

  // The file: 未衔接, overdue since the release
  await expect(page.getByRole('heading', { name: '孙释放' })).toBeVisible();
  await expect(page.getByTestId('handover-state')).toHaveText('未衔接');
  const due = page.getByTestId('due-items');
  await expect(due.getByRole('row').filter({ hasText: '刑满释放人员衔接（未衔接）' })).toContainText('2024-06-12');

  // The dashboard lists it as overdue
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByText('刑满释放人员衔接（未衔接）').first()).toBeVisible();
  await shot(page, '02-dashboard');

  // From the ledger's 未衔接 filter back to the file
  await page.getByRole('link', { name: '安置帮教' }).click();
  await page.getByRole('switch', { name: '未衔接' }).check({ force: true });
  const row = page.getByRole('row').filter({ hasText: '孙释放' });
  await expect(row).toContainText('未衔接');
  await expect(row).toContainText('重点（高风险）');
  await expect(row).toContainText('2029-06-12');
  await row.getByRole('link', { name: '孙释放' }).click();

  // 衔接: 家属接回 is refused for a 重点帮教对象, 必接必送 recorded
  await page.getByRole('button', { name: '登记衔接' }).click();
  const handover = page.getByRole('dialog', { name: '衔接登记' });
  const head = handover.getByRole('heading').first();
  await choose(handover, page, '衔接方式', '家属接回');
  await fillDate(handover.getByLabel('接回（返回）日期'), '2024-06-12', head);
  await handover.getByRole('button', { name: '保存' }).click();
  await expect(handover.getByText('重点帮教对象须必接必送', { exact: true })).toBeVisible();
  await choose(handover, page, '衔接方式', '必接必送');
  await handover.getByLabel('接回人').fill('王调解');
  await fillDate(handover.getByLabel('派出所报到日期'), '2024-06-13', head);
  await handover.getByRole('button', { name: '保存' }).click();
  await expect(handover).toBeHidden();
  await expect(page.getByTestId('handover-state')).toHaveText('已衔接');
  await expect(due.getByRole('row').filter({ hasText: '未衔接' })).toHaveCount(0);
  await expect(due.getByRole('row').filter({ hasText: '回归后首次家访（7日内）' })).toContainText('2024-06-19');

  // The 1+n team with its agreement
  await expect(page.getByTestId('team-check')).toHaveText('未落实');
  await page.getByRole('button', { name: '编辑小组' }).click();
  const team = page.getByRole('dialog', { name: '帮教小组（1+n）' });
  await team.getByRole('button', { name: '添加成员' }).click();
  await team.getByRole('textbox', { name: '成员姓名' }).nth(1).fill('李网格');
  await team.getByRole('button', { name: '添加成员' }).click();
  await team.getByRole('textbox', { name: '成员姓名' }).nth(2).fill('孙母');
  await team.getByRole('combobox', { name: '成员身份' }).nth(2).click();
  await page.getByRole('option', { name: '亲属' }).click();
  await fillDate(team.getByLabel('帮教协议签订日期'), '2024-06-14', team.getByRole('heading').first());
  await team.getByRole('button', { name: '保存' }).click();
  await expect(team).toBeHidden();
  await expect(page.getByTestId('team-check')).toHaveText('已落实');
  await expect(page.getByText('王调解（司法所工作人员）；李网格（网格员）；孙母（亲属）')).toBeVisible();

  // 就业 placement
  await page.getByRole('button', { name: '登记安置' }).click();
  const placement = page.getByRole('dialog', { name: '安置情况' });
  await choose(placement, page, '安置情况', '就业');
  await placement.getByLabel('说明').fill('高寨村农机合作社，农机手');
  await placement.getByRole('button', { name: '保存' }).click();
  await expect(placement).toBeHidden();
  await expect(page.getByTestId('placement')).toContainText('就业');

  // 临时救助 of 800 元, then a visit
  await page.getByRole('button', { name: '记录帮扶' }).click();
  const aid = page.getByRole('dialog', { name: '记录帮扶' });
  await choose(aid, page, '帮扶种类', '临时救助');
  await aid.getByLabel('金额（元）').fill('800');
  await aid.getByLabel('内容').fill('释放后生活困难，发放临时救助金');
  await aid.getByRole('button', { name: '保存' }).click();
  await expect(aid).toBeHidden();
  await page.getByRole('button', { name: '记录走访/谈话' }).click();
  const visit = page.getByRole('dialog', { name: '记录走访/谈话' });
  await visit.getByLabel('内容').fill('到家中走访，已在合作社上班，情绪稳定');
  await visit.getByRole('button', { name: '保存' }).click();
  await expect(visit).toBeHidden();

  // The records and the next due items: monthly visits of a 重点 person from today, 帮教期满 in 2029
  await expect(page.getByTestId('records').getByRole('row')).toHaveCount(3);
  await expect(page.getByText('临时救助合计 800 元')).toBeVisible();
  await expect(due.getByRole('row').filter({ hasText: '回归后首次家访' })).toHaveCount(0);
  await expect(due.getByRole('row').filter({ hasText: '走访帮教（重点（高风险））' })).toContainText('2024-07-15');
  await expect(due.getByRole('row').filter({ hasText: '帮教期满' })).toContainText('2029-06-12');
  await shot(page, '03-file');

  // The 帮教期 and the cadences are the office's settings, each default shown with its source
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '安置帮教' }).click();
  const settings = page.getByTestId('assistance-settings');
  await expect(settings.getByLabel('帮教期（刑满释放等）')).toHaveValue('5');
  await expect(settings.getByLabel('帮教期（社区矫正期满）')).toHaveValue('3');
  await expect(settings.getByLabel('回归后首次家访')).toHaveValue('7');
  await settings.getByTestId('basis').first().hover();
  await expect(page.getByRole('tooltip')).toContainText('〔LOCAL〕');
  await shot(page, '04-settings');
});
