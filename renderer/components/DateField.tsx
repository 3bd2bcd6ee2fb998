import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';

/**
 * A date typed as 2024-06-01 (also 2024/6/1, 2024.6.1 or 20240601) or picked from a Chinese
 * calendar; the value is the 'YYYY-MM-DD' string the schemas use, '' when empty.
 */
export type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  value?: string | null;
  onChange?: (value: string) => void;
};

function parse(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function DateField({ value, onChange, onFocus, onBlur, onClick, onKeyDown, ...props }: DateFieldProps) {
  // The focus a form gives its first field (renderer/components/GuardedForm.tsx marks it) leaves the
  // calendar closed, so that it does not cover the form; a click or a key opens it as usual.
  const [quiet, setQuiet] = useState(false);
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder="年-月-日"
      dateParser={parse}
      clearable={!props.withAsterisk}
      {...props}
      popoverProps={{ withinPortal: true, ...props.popoverProps, ...(quiet ? { opened: false } : {}) }}
      onFocus={(e) => {
        if (e.currentTarget.hasAttribute('data-autofocus')) {
          e.currentTarget.removeAttribute('data-autofocus');
          setQuiet(true);
        }
        onFocus?.(e);
      }}
      onBlur={(e) => {
        setQuiet(false);
        onBlur?.(e);
      }}
      onClick={(e) => {
        setQuiet(false);
        onClick?.(e);
      }}
      onKeyDown={(e) => {
        if (!['Tab', 'Escape', 'Shift', 'Control', 'Meta', 'Alt'].includes(e.key) && !e.ctrlKey && !e.metaKey) setQuiet(false);
        onKeyDown?.(e);
      }}
      value={value || null}
      onChange={(v) => onChange?.(v ?? '')}
    />
  );
}

/** The message for a 从…至… filter whose end comes before its start (the list would be empty for no visible reason). */
export function reversedRange(from: string | null | undefined, to: string | null | undefined): string | undefined {
  return from && to && to < from ? '结束日期早于开始日期，请改正' : undefined;
}
