import { Link } from 'react-router';
import { Alert, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulkItemResult } from '../../api/work-orders';
import { optionalLabel } from '../../i18n/i18n';
import type { BulkOutcome } from './bulk-action-bar';

/** The rule's own refusal when the dictionary knows it, else the error code's sentence, else the server's. */
function failureText(error: NonNullable<BulkItemResult['error']>): string {
  return (
    (error.reason ? optionalLabel('errors.reasons', error.reason) : null) ??
    optionalLabel('errors.codes', error.code) ??
    error.detail
  );
}

/** What a bulk action did: a count, and each order it could not change with why. */
export function BulkOutcomeList({ outcome, onClose }: { outcome: BulkOutcome; onClose: () => void }) {
  const { t } = useTranslation();
  const { succeeded, failed, results } = outcome.result;
  const failures = results.filter((r) => !r.ok && r.error);
  const action = t(`dispatch.bulkActions.${outcome.bucket}`);
  return (
    <Alert
      type={failed === 0 ? 'success' : succeeded === 0 ? 'error' : 'warning'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      title={
        failed === 0
          ? t('dispatch.bulkAllDone', { action, count: succeeded })
          : t('dispatch.bulkPartly', { action, succeeded, failed })
      }
      description={
        failures.length > 0 ? (
          <Flex vertical gap={4} className="bulk-failures">
            {failures.map((r) => (
              <Flex key={r.orderId} gap={8} wrap align="baseline">
                <Link to={`/orders/${encodeURIComponent(r.orderId)}`} className="mono">
                  {outcome.numbers[r.orderId] ?? r.orderId}
                </Link>
                <Tooltip title={r.error?.detail}>
                  <Typography.Text type="danger">{r.error ? failureText(r.error) : null}</Typography.Text>
                </Tooltip>
              </Flex>
            ))}
          </Flex>
        ) : undefined
      }
    />
  );
}
