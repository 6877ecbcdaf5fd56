import { Card, Skeleton } from 'antd';

/** Same footprint as a list page so the layout does not jump when the real page arrives. */
export function PageSkeleton() {
  return (
    <div aria-busy="true">
      <Skeleton active title={{ width: 220 }} paragraph={{ rows: 1, width: 420 }} />
      <Card style={{ marginTop: 16 }}>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    </div>
  );
}

export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return <Skeleton active title={false} paragraph={{ rows }} />;
}
