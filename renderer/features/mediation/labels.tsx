import { Badge } from '@mantine/core';
import {
  AGREEMENT_PERFORMANCE_LABELS,
  CASE_ORIGIN_LABELS,
  CASE_OPEN_LABEL,
  CASE_OUTCOME_LABELS,
  ENTRUSTED_LABEL,
  ENTRUSTED_ORIGINS,
  PERFORMANCE_STATE_LABELS,
  REGISTER_ORIGINS,
  type AgreementPerformance,
  type CaseOutcome,
  type PerformanceState,
} from '../../../shared/domain/mediation';

export const OUTCOME_COLORS: Record<CaseOutcome, string> = { success: 'green', failure: 'orange', terminated: 'gray' };
const PERFORMANCE_COLORS: Record<PerformanceState | AgreementPerformance, string> = {
  performed: 'green',
  on_the_spot: 'green',
  partial: 'yellow',
  unperformed: 'red',
  not_applicable: 'gray',
  no_payment: 'gray',
};
/** An item's or a visit's finding, or the agreement's as a whole. */
const PERFORMANCE_LABELS: Record<PerformanceState | AgreementPerformance, string> = {
  ...PERFORMANCE_STATE_LABELS,
  ...AGREEMENT_PERFORMANCE_LABELS,
};

export function OutcomeBadge({ outcome }: { outcome: CaseOutcome | null }) {
  if (!outcome) return <Badge variant="light">{CASE_OPEN_LABEL}</Badge>;
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant="light">
      {CASE_OUTCOME_LABELS[outcome]}
    </Badge>
  );
}

export function PerformanceBadge({ state }: { state: PerformanceState | AgreementPerformance | null }) {
  if (!state) return null;
  return (
    <Badge color={PERFORMANCE_COLORS[state]} variant="light" size="sm">
      {PERFORMANCE_LABELS[state]}
    </Badge>
  );
}

/** 案件来源 as the 受理登记表 has it, then 委托移送 with its kinds (REVIEW row 9). */
export function originOptions() {
  return [
    { group: '受理登记表所列', items: REGISTER_ORIGINS.map((o) => ({ value: o, label: CASE_ORIGIN_LABELS[o] })) },
    {
      group: `${ENTRUSTED_LABEL}（须填写移送/委托单位）`,
      items: ENTRUSTED_ORIGINS.map((o) => ({ value: o, label: CASE_ORIGIN_LABELS[o] })),
    },
  ];
}
