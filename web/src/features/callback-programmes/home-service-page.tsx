import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { useUrlParams } from '../../lib/use-url-params';
import { HomeDueTab } from './home-due-tab';
import { HomeStatisticsTab } from './home-statistics-tab';
import { PlacementsTab } from './placements-tab';
import './programmes.css';

const TABS = ['due', 'placements', 'statistics'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string): value is Tab => (TABS as readonly string[]).includes(value);

/** Filters that belong to one tab only; switching tabs drops them so the next tab starts clean. */
const TAB_PARAMS = ['from', 'to', 'party', 'state', 'status', 'month', 'placement', 'page', 'pageSize'];

/** CB-8 home-service callbacks: the day's calls first, then the placements, then the month's figures. */
export function HomeServicePage() {
  const { t } = useTranslation();
  const { get, update } = useUrlParams();
  const raw = get('tab');
  const tab: Tab = isTab(raw) ? raw : 'due';

  return (
    <>
      <PageHeader
        title={t('callbackProgrammes.home.title')}
        subtitle={t('callbackProgrammes.home.subtitle')}
      />
      <Card>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) =>
            update({
              tab: key === 'due' ? null : key,
              ...Object.fromEntries(TAB_PARAMS.map((name) => [name, null])),
            })
          }
          items={[
            { key: 'due', label: t('callbackProgrammes.home.dueTab'), children: <HomeDueTab /> },
            {
              key: 'placements',
              label: t('callbackProgrammes.home.placementsTab'),
              children: <PlacementsTab />,
            },
            {
              key: 'statistics',
              label: t('callbackProgrammes.home.statisticsTab'),
              children: <HomeStatisticsTab />,
            },
          ]}
        />
      </Card>
    </>
  );
}
