import { Button } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/**
 * A file's dated records, newest first: the most recent few, and years of monthly records folded behind
 * 显示全部 so that the file's other cards stay near the top.
 */
export function useShowAll<T>(items: readonly T[], recent: number): { shown: readonly T[]; toggle: ReactNode } {
  const [all, setAll] = useState(false);
  return {
    shown: all ? items : items.slice(0, recent),
    toggle:
      items.length > recent ? (
        <Button variant="subtle" size="xs" mt={4} onClick={() => setAll(!all)}>
          {all ? `只显示最近 ${recent} 条` : `显示全部 ${items.length} 条`}
        </Button>
      ) : null,
  };
}
