/**
 * The demo ledger's supervision records on its 社区矫正 files (REVIEW §5.1, REVIEW §5.2): each file's 矫正小组
 * (one left without the woman member its subject needs), its 矫正方案 and, for the older files, an adjusted
 * version; 外出 with their 销假 (one not back yet, overdue), a 经常性跨市县活动 and a 会客 approval, one 电子定位
 * running, one 失联 found the next day, and every file's 出境报备. Entered through the contract, as a user's input
 * would be; returns how many steps were refused (none expected).
 */
import { addMonths, earlierOf } from '../shared/date-math';
import { addDays, daysBetween } from '../shared/dates';
import { rng } from './demo';
import { contextFor, type Host, invoke } from './router';

interface DemoFile {
  id: string;
  effective: string;
  reported: string | null;
  minor: number;
  sex: 'M' | 'F' | null;
}

export function generateCorrectionSupervision(host: Host, seed = 20240619): number {
  const rand = rng(seed);
  const ctx = contextFor(host);
  const today = ctx.clock.today();
  const staff = ctx.db.prepare("SELECT name FROM staff WHERE kind = 'staff' AND deleted_at IS NULL ORDER BY created_at LIMIT 1").get() as {
    name: string;
  };
  const files = ctx.db
    .prepare(
      `SELECT c.id, c.effective_date AS effective, c.report_date AS reported, c.minor, p.sex FROM correction_file c
       JOIN person p ON p.id = c.person_id WHERE c.deleted_at IS NULL AND c.status = 'active' ORDER BY c.id`,
    )
    .all() as DemoFile[];
  let refused = 0;
  const call = (method: string, input: unknown): Record<string, unknown> | null => {
    const r = invoke(host, method as never, input as never);
    if (!r.ok) refused++;
    return r.ok ? (r.value as never) : null;
  };
  /** A day between `from` and yesterday. */
  const dayAfter = (from: string) => addDays(from, Math.floor(rand() * Math.max(1, daysBetween(from, today) - 1)));
  for (const [n, f] of files.entries()) {
    const start = f.reported ?? f.effective;
    const members = [
      { name: staff.name, role: '司法所工作人员', sex: 'M', phone: '' },
      { name: `村干部${n + 1}`, role: '村/居委会', sex: 'M', phone: '' },
      { name: `家属${n + 1}`, role: '监护人/家庭成员', sex: f.sex === 'F' && n !== 5 ? 'F' : 'M', phone: '' },
      ...(f.minor ? [{ name: `社工${n + 1}`, role: '社会工作者', sex: 'F', phone: '', knowsMinors: true }] : []),
    ];
    call('correction.saveTeam', { fileId: f.id, pledgeDate: start, members });
    call('correction.saveExitReport', { fileId: f.id, exitReportDate: start });
    call('correction.savePlan', {
      fileId: f.id,
      date: start,
      content: '每月报告思想动态，参加集中教育和公益活动，走访核查家庭与就业情况。',
    });
    if (daysBetween(start, today) > 200)
      call('correction.savePlan', {
        fileId: f.id,
        date: addMonths(start, 6),
        content: '表现稳定：保持每月报告，教育内容以职业技能为主。',
        reason: '半年评估，表现良好',
      });
    // One in three has been away on an approved trip and reported back.
    if (n % 3 === 0 && daysBetween(start, today) > 20) {
      const from = dayAfter(start);
      const to = earlierOf(addDays(from, 2 + Math.floor(rand() * 5)), addDays(today, -1));
      call('correction.saveApproval', {
        fileId: f.id,
        kind: 'leave',
        applyDate: from,
        startDate: from,
        endDate: to,
        destination: n % 2 ? '省城' : '邻县',
        reason: n % 2 ? '陪同家属就医' : '探亲',
        papers: n % 2 ? '医院诊断证明' : null,
        approver: staff.name,
        approvalDate: from,
        returnDate: to,
      });
    }
    if (n === 2)
      call('correction.saveApproval', {
        fileId: f.id,
        kind: 'leave',
        applyDate: addDays(today, -8),
        startDate: addDays(today, -7),
        endDate: addDays(today, -3),
        destination: '杭州市',
        reason: '务工面试',
        approver: staff.name,
        approvalDate: addDays(today, -8),
      });
    if (n === 4 && daysBetween(start, today) > 60)
      call('correction.saveApproval', {
        fileId: f.id,
        kind: 'frequent',
        applyDate: addDays(today, -60),
        startDate: addDays(today, -60),
        endDate: addMonths(addDays(today, -60), 6),
        destination: '邻县工业园区',
        reason: '在邻县工厂上班，每日往返',
        papers: '劳动合同',
        approver: '县社区矫正机构',
        approvalDate: addDays(today, -60),
      });
    if (n === 6)
      call('correction.saveApproval', {
        fileId: f.id,
        kind: 'visitor',
        startDate: dayAfter(start),
        destination: '被害人家属',
        reason: '赔偿协商',
      });
    if (n === 1 && daysBetween(f.effective, today) > 45) {
      const from = addDays(today, -40);
      call('correction.saveMonitor', {
        fileId: f.id,
        ground: 'left',
        approver: '县司法局负责人',
        approvalDate: addDays(from, -1),
        documentNumber: `某司矫电〔${from.slice(0, 4)}〕1号`,
        startDate: from,
        endDate: addMonths(from, 3),
      });
    }
    if (n === 8 && daysBetween(start, today) > 10) {
      const day = dayAfter(start);
      call('correction.saveIncident', {
        fileId: f.id,
        kind: 'missing',
        at: `${day} 09:00`,
        content: '电话无人接听，家中无人',
        actions: '联系家属、通报派出所，当日组织查找',
        resolvedAt: `${addDays(day, 1) > today ? day : addDays(day, 1)} 16:00`,
      });
    }
  }
  return refused;
}
