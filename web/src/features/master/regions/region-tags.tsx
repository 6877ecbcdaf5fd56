import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/master-data';
import { CodeLabel } from '../../../components/code-label';

const TIER_COLORS = ['', 'geekblue', 'blue', 'cyan', 'green'];

export function MarketTierTag({ region }: { region: Pick<Region, 'marketTier' | 'tierSource'> }) {
  const { t } = useTranslation();
  if (region.marketTier === null) {
    return (
      <Tooltip title={t('regions.provinceHint')}>
        <span className="muted">{t('regions.noTier')}</span>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={<CodeLabel group="enums.tierSources" code={region.tierSource} />}>
      <Tag color={TIER_COLORS[region.marketTier]}>{t(`enums.marketTiers.${region.marketTier}`)}</Tag>
    </Tooltip>
  );
}

export function AreaTypeTag({ areaType }: { areaType: string }) {
  return (
    <Tag color={areaType === 'urban' ? 'purple' : 'orange'} variant="outlined">
      <CodeLabel group="enums.areaTypes" code={areaType} />
    </Tag>
  );
}

export function TierSourceTag({ source }: { source: string }) {
  return (
    <Tag color={source === 'admin' ? 'gold' : undefined} variant={source === 'admin' ? 'filled' : 'outlined'}>
      <CodeLabel group="enums.tierSources" code={source} />
    </Tag>
  );
}
