import type { Key, ReactNode } from 'react';
import { Empty } from 'antd';

interface ItemProps {
  children?: ReactNode;
  className?: string;
  actions?: ReactNode[];
}

function SimpleListItem({ children, className, actions }: ItemProps) {
  return (
    <li className={`simple-list-item${className ? ` ${className}` : ''}`}>
      <div className="simple-list-content">{children}</div>
      {actions && actions.length > 0 ? <div className="simple-list-actions">{actions}</div> : null}
    </li>
  );
}

interface Props<T> {
  dataSource: readonly T[];
  renderItem: (item: T, index: number) => ReactNode;
  size?: 'small' | 'default';
  split?: boolean;
  locale?: { emptyText?: ReactNode };
  rowKey?: (item: T, index: number) => Key;
  className?: string;
}

/**
 * A plain list with the subset of antd's List API we use: antd 6.6 deprecates List (console warnings on
 * every render), and these lists need nothing it offered beyond rows with actions.
 */
function SimpleListRoot<T>({
  dataSource,
  renderItem,
  size,
  split = true,
  locale,
  rowKey,
  className,
}: Props<T>) {
  if (dataSource.length === 0) {
    return (
      <div className="simple-list-empty">
        {locale?.emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </div>
    );
  }
  const classes = [
    'simple-list',
    size === 'small' ? 'simple-list-small' : '',
    split ? 'simple-list-split' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <ul className={classes}>
      {dataSource.map((item, i) => (
        <SimpleListFragment key={rowKey ? rowKey(item, i) : i}>{renderItem(item, i)}</SimpleListFragment>
      ))}
    </ul>
  );
}

function SimpleListFragment({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

export const SimpleList = Object.assign(SimpleListRoot, { Item: SimpleListItem });
