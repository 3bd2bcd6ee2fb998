/**
 * The login and the session (log in, set the administrator's first password, change one's password, lock,
 * log out: each starts or ends what the window may show, so each refreshes everything) and the 账户 page.
 */
import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../shared/contract';
import { api, withJob } from '../../api/client';
import { trackJob } from '../../components/JobNotice';
import { useWrite } from '../../components/useWrite';
import { refKeys } from '../reference/queries';
import { accountKeys } from './queries';

export function useLogin<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'session.login'>) => api.session.login(input), { touches: 'everything' }, form);
}

export function useSetupAdmin<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'session.setupAdmin'>) => api.session.setupAdmin(input), { touches: 'everything' }, form);
}

export function useChangePassword<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'session.changePassword'>) => api.session.changePassword(input), { touches: 'everything' }, form);
}

export function useLogout() {
  return useWrite(() => api.session.logout({}), { touches: [accountKeys.session, refKeys.status] });
}

export function useLock() {
  return useWrite((input: Input<'session.lock'>) => api.session.lock(input), { touches: [accountKeys.session, refKeys.status] });
}

const accountsTouch = [accountKeys.list, accountKeys.events, accountKeys.session, ['staff']] as const;

export function useCreateAccount<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'accounts.create'>) => api.accounts.create(input), { touches: accountsTouch }, form);
}

export function useUpdateAccount<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'accounts.update'>) => api.accounts.update(input), { touches: accountsTouch }, form);
}

export function useResetPassword<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'accounts.resetPassword'>) => api.accounts.resetPassword(input), { touches: accountsTouch }, form);
}

export function useDisableAccount() {
  return useWrite((input: Input<'accounts.disable'>) => api.accounts.disable(input), { touches: accountsTouch });
}

export function useUpdateSecurity<F>(form?: UseFormReturnType<F>) {
  return useWrite(
    (input: Input<'security.update'>) => api.security.update(input),
    { touches: [accountKeys.security, accountKeys.session] },
    form,
  );
}

/** 加密账本 (a long job: a verified backup, then the encrypted copy checked and put in place); the recovery code comes back once. */
export function useEncryptLedger<F>(form?: UseFormReturnType<F>) {
  return useWrite(
    (input: Input<'security.encrypt'>) => trackJob('正在加密账本', (jobId) => api.security.encrypt(withJob(input, jobId))),
    { touches: 'everything', errorTitle: '未能加密' },
    form,
  );
}
