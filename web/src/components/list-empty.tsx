import type { ReactNode } from 'react';
import { Empty } from 'antd';

/** Empty states say what to do next (UI.md): a hint for filtered lists, a next step for empty ones. */
export function ListEmpty({
  filtered,
  empty,
  emptyFiltered,
}: {
  filtered: boolean;
  empty: ReactNode;
  emptyFiltered: ReactNode;
}) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? emptyFiltered : empty} />;
}
