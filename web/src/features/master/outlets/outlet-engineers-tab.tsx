import { Link } from 'react-router';
import { Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Engineer } from '../../../api/master-data';
import { LoadError } from '../../../components/load-error';
import { TableSkeleton } from '../../../components/page-skeleton';
import { usePagedList } from '../../../lib/use-paged-list';
import { EngineerTable } from '../engineers/engineer-table';

export function OutletEngineersTab({ outletId }: { outletId: string }) {
  const { t } = useTranslation();
  const list = usePagedList<Engineer>(`/api/outlets/${encodeURIComponent(outletId)}/engineers`, {});
  const engineersLink = `/master/engineers?outletId=${encodeURIComponent(outletId)}`;
  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Link to={engineersLink}>{t('outlets.manageEngineers')}</Link>
      </Flex>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.data ? (
        <TableSkeleton rows={5} />
      ) : (
        <EngineerTable
          items={list.data?.items ?? []}
          loading={list.loading}
          pagination={list.pagination}
          showOutlet={false}
          empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outlets.engineersEmpty')} />}
        />
      )}
    </>
  );
}
