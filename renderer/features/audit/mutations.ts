/** 立即校验: starts a check of the whole audit chain; its progress and verdict come with the status. */
import { verdictText } from '../../../shared/domain/audit-verdict';
import { api } from '../../api/client';
import { useWrite } from '../../components/useWrite';
import { auditLogKeys } from './queries';

export function useVerifyAudit() {
  const write = useWrite(() => api.audit.verify({}), { touches: [auditLogKeys.status], successTitle: '审计记录校验' });
  return {
    saving: write.saving,
    run: () => void write.run(undefined, (s) => (s.running ? '已开始校验，可照常使用' : s.last ? verdictText(s.last) : null)),
  };
}
