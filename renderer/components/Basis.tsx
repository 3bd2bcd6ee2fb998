import { Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * What something rests on, said plainly where it is shown (每月走访1次，可在设置中调整), with the
 * official or legal text it comes from in a tooltip (依据：《…》第…条), so that the page reads in the
 * office's words and the source is one pointer away. Without a source the words stand alone.
 */
export function Basis({ source, children, size = 'sm' }: { source: string | null | undefined; children: ReactNode; size?: 'xs' | 'sm' }) {
  if (!source) return <>{children}</>;
  return (
    <Tooltip
      label={`依据：${source}`}
      multiline
      w={420}
      withArrow
      openDelay={150}
      events={{ hover: true, focus: true, touch: true }}
      style={{ whiteSpace: 'pre-line' }}
    >
      <Text
        span
        size={size}
        tabIndex={0}
        data-testid="basis"
        style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3, cursor: 'help' }}
      >
        {children}
      </Text>
    </Tooltip>
  );
}
