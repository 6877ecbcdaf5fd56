import { Descriptions, Popover, Tag, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Warranty } from '../../../api/master-data';
import { CodeLabel } from '../../../components/code-label';
import { localized } from '../../../lib/labels';

const COLORS: Record<string, string> = {
  in_warranty: 'green',
  key_parts_only: 'gold',
  out_of_warranty: 'red',
};

/** MD-3 status with its "why": the rule's explanation, the dates it produced and the policy versions it used. */
export function WarrantyBadge({ warranty }: { warranty: Warranty }) {
  const { t, i18n } = useTranslation();
  const policies = warranty.policies ?? [];
  const content = (
    <div className="why-popover">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {localized(warranty.explanation, i18n.language)}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'unit',
            label: t('customers.wholeUnitUntil'),
            children: <span className="tabular">{warranty.wholeUnitUntil}</span>,
          },
          {
            key: 'key',
            label: t('customers.keyPartsUntil'),
            children: <span className="tabular">{warranty.keyPartsUntil}</span>,
          },
          {
            key: 'return',
            label: t('customers.returnUntil'),
            children: <span className="tabular">{warranty.returnWindowUntil}</span>,
          },
          {
            key: 'exchange',
            label: t('customers.exchangeUntil'),
            children: <span className="tabular">{warranty.exchangeWindowUntil}</span>,
          },
          {
            key: 'policy',
            label: t('customers.policiesUsed'),
            children:
              policies.length > 0 ? (
                <span className="stacked">
                  {policies.map((policy) => (
                    <span key={policy.key}>
                      <Typography.Text code>{policy.key}</Typography.Text> v{policy.version}
                    </span>
                  ))}
                </span>
              ) : (
                t('common.policyVersion', { version: warranty.policyVersion })
              ),
          },
        ]}
      />
    </div>
  );
  return (
    <Popover title={t('customers.warrantyWhy')} content={content} trigger={['hover', 'click']}>
      <Tag
        color={COLORS[warranty.status] ?? 'default'}
        className="warranty-badge"
        onClick={(event) => event.stopPropagation()}
      >
        <CodeLabel group="enums.warrantyStatuses" code={warranty.status} /> <QuestionCircleOutlined />
      </Tag>
    </Popover>
  );
}
