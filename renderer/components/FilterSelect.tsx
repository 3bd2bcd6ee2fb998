import { Select, type SelectProps } from '@mantine/core';

/** A filter of a list: 全部 until something is chosen, and cleared back to 全部. */
export function FilterSelect(props: SelectProps) {
  return <Select placeholder="全部" clearable {...props} />;
}
