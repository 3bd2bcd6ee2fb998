/**
 * The end of a correction (CONTRIBUTING.md, REVIEW §5.5): 期满鉴定 before the term ends, 解除 on expiry or
 * pardon (社区矫正法 art. 44), 终止 on revocation, 收监 or death (art. 45), and what each allows by category.
 * Pure (ARCHITECTURE rule 6).
 */
import type { CorrectionCategory } from './correction-rules';

export const RELEASE_REASONS = ['expiry', 'pardon'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];
export const RELEASE_REASON_LABELS: Record<ReleaseReason, string> = { expiry: '矫正期满', pardon: '特赦' };

export const TERMINATION_REASONS = ['revoke_probation', 'revoke_parole', 'imprison', 'death'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];
export const TERMINATION_REASON_LABELS: Record<TerminationReason, string> = {
  revoke_probation: '撤销缓刑',
  revoke_parole: '撤销假释',
  imprison: '收监执行',
  death: '死亡',
};

/** What a file of this category may end with (死亡 for every category). */
export function terminationReasonsFor(category: CorrectionCategory): TerminationReason[] {
  const fit: Record<CorrectionCategory, TerminationReason | null> = {
    control: null,
    probation: 'revoke_probation',
    parole: 'revoke_parole',
    outside: 'imprison',
  };
  const own = fit[category];
  return own ? [own, 'death'] : ['death'];
}

/** What the 解矫宣告 announces (刑法 arts. 76, 85; 管制: 解除管制). */
export const RELEASE_WORDS: Record<CorrectionCategory, string> = {
  control: '解除管制',
  probation: '原判刑罚不再执行',
  parole: '原判刑罚执行完毕',
  outside: '暂予监外执行期满，解除社区矫正',
};

export const RELEASE_SOURCE =
  '社区矫正法第四十四条：社区矫正对象矫正期满或者被赦免的，社区矫正机构应当向社区矫正对象发放解除社区矫正证明书，并通知社区矫正决定机关、所在地的人民检察院、公安机关。';
export const TERMINATION_SOURCE =
  '社区矫正法第四十五条：社区矫正对象被裁定撤销缓刑、假释，被决定收监执行，或者社区矫正对象死亡的，社区矫正终止。';
export const APPRAISAL_SOURCE =
  '期满前由社区矫正对象作个人总结，司法所填写期满鉴定表（REVIEW §5.5）；期满前多少日完成为地方做法〔LOCAL，UNCONFIRMED〕，与“期满前提醒天数”为同一设置。';

/** Why a release on `date` is refused (null: it is allowed): not before the term end, except by pardon. */
export function releaseDateError(reason: ReleaseReason, date: string, term: { termStart: string; termEnd: string }): string | null {
  if (date < term.termStart) return `解除日期不能早于矫正期限起日（${term.termStart}）`;
  if (reason === 'expiry' && date < term.termEnd) return `矫正期至 ${term.termEnd} 届满，期满前只能因特赦解除`;
  return null;
}

/** Why a termination is refused (null: allowed): a reason that fits the category, not before the term began. */
export function terminationError(
  category: CorrectionCategory,
  reason: TerminationReason,
  date: string,
  termStart: string,
): { field: 'reason' | 'date'; message: string } | null {
  if (!terminationReasonsFor(category).includes(reason))
    return { field: 'reason', message: `该对象的矫正类别不能以“${TERMINATION_REASON_LABELS[reason]}”终止` };
  if (date < termStart) return { field: 'date', message: `终止日期不能早于矫正期限起日（${termStart}）` };
  return null;
}
