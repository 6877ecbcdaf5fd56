import type { ReactNode } from 'react';
import { Grid, Table } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Engineer } from '../../../api/master-data';
import { CertificateSummary, EngineerPerson, SkillTags } from './engineer-bits';

interface Props {
  items: Engineer[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  /** The outlet's own tab leaves the outlet column out. */
  showOutlet: boolean;
  onOpen?: (engineer: Engineer) => void;
  empty: ReactNode;
}

export function EngineerTable({ items, loading, pagination, showOutlet, onOpen, empty }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const columns: TableColumnsType<Engineer> = [
    {
      title: t('engineers.code'),
      dataIndex: 'code',
      key: 'code',
      width: 100,
      render: (code: string) => <span className="mono">{code}</span>,
    },
    {
      title: `${t('engineers.name')} / ${t('engineers.phone')}`,
      key: 'person',
      width: 260,
      render: (_, e) => <EngineerPerson engineer={e} show="both" />,
    },
    ...(showOutlet
      ? [
          {
            title: t('engineers.outlet'),
            dataIndex: 'outletName',
            key: 'outlet',
            ellipsis: true,
            responsive: ['md' as const],
          },
        ]
      : []),
    {
      title: t('engineers.skills'),
      key: 'skills',
      responsive: ['sm'],
      render: (_, e) => <SkillTags skills={e.skills} />,
    },
    {
      title: t('engineers.certificates'),
      key: 'certificates',
      responsive: ['lg'],
      render: (_, e) => <CertificateSummary certificates={e.certificates} />,
    },
    {
      title: t('engineers.hiredOn'),
      dataIndex: 'hiredOn',
      key: 'hiredOn',
      width: 110,
      responsive: ['lg'],
      render: (day: string | null) => <span className="tabular">{day ?? '—'}</span>,
    },
    {
      title: t('engineers.status'),
      key: 'active',
      width: 80,
      render: (_, e) => (e.active ? t('common.active') : t('common.inactive')),
    },
  ];
  return (
    <Table<Engineer>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      // Narrow screens scroll inside the table rather than widening the page.
      scroll={screens.md ? { x: 1000 } : { x: 'max-content' }}
      pagination={pagination}
      onRow={(engineer) => ({
        onClick: (event) => {
          if (!onOpen || (event.target as HTMLElement).closest('a, button')) return;
          onOpen(engineer);
        },
        className: onOpen ? 'clickable-row' : undefined,
      })}
      locale={{ emptyText: empty }}
    />
  );
}
