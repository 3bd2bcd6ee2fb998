import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client';
import { Loading } from './Loading';

/** One record's page: the host's refusal said in red (not found, closed), a spinner while it loads, then the page. */
export function RecordLoader<T>({
  query,
  loading,
  children,
}: {
  query: { data?: T; error: unknown };
  loading: string;
  children: (data: T) => ReactNode;
}) {
  if (query.error) {
    return (
      <Alert color="red" title="无法打开档案">
        {errorMessage(query.error)}
      </Alert>
    );
  }
  if (!query.data) return <Loading center>{loading}</Loading>;
  return children(query.data);
}
