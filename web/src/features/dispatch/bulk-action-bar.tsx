import { useState } from 'react';
import { App, Button, Flex, Space, Typography } from 'antd';
import { CheckOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ActionBucket, BulkResult, WaitingCard } from '../../api/work-orders';
import { errorMessage } from '../../lib/errors';
import { EngineerPicker } from './engineer-picker';

export interface BulkOutcome {
  bucket: ActionBucket;
  result: BulkResult;
  /** Order numbers of the cards sent, to name the failures. */
  numbers: Record<string, string>;
}

interface Props {
  /** Selected cards of each bucket; null when the role may not take that action. */
  accept: WaitingCard[] | null;
  assign: WaitingCard[] | null;
  onClear: () => void;
  onDone: (outcome: BulkOutcome) => void;
}

/** Stays in view while the dispatcher scrolls the columns: accept the ticked orders, or give them to one engineer. */
export function BulkActionBar({ accept, assign, onClear, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [engineerId, setEngineerId] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<ActionBucket | null>(null);
  const total = (accept?.length ?? 0) + (assign?.length ?? 0);

  const run = async (bucket: ActionBucket, cards: WaitingCard[]) => {
    setBusy(bucket);
    try {
      const items = cards.map((card) => ({ orderId: card.orderId, version: card.version }));
      const result =
        bucket === 'toAccept'
          ? await api.post<BulkResult>(
              '/api/dispatch/bulk-accept',
              { items },
              { idempotencyKey: crypto.randomUUID() },
            )
          : await api.post<BulkResult>(
              '/api/dispatch/bulk-assign',
              { items, engineerId },
              { idempotencyKey: crypto.randomUUID() },
            );
      onDone({
        bucket,
        result,
        numbers: Object.fromEntries(cards.map((card) => [card.orderId, card.number])),
      });
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex className="sticky-actions bulk-action-bar" gap={12} align="center" wrap style={{ marginBottom: 8 }}>
      {accept ? (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={accept.length === 0 || busy !== null}
          loading={busy === 'toAccept'}
          onClick={() => void run('toAccept', accept)}
        >
          {t('dispatch.acceptSelected', { count: accept.length })}
        </Button>
      ) : null}
      {assign ? (
        <Space size={8} wrap>
          <Typography.Text>{t('dispatch.assignSelectedTo', { count: assign.length })}</Typography.Text>
          <EngineerPicker cards={assign} value={engineerId} onChange={setEngineerId} />
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            disabled={assign.length === 0 || !engineerId || busy !== null}
            loading={busy === 'toAssign'}
            onClick={() => void run('toAssign', assign)}
          >
            {t('dispatch.assign')}
          </Button>
        </Space>
      ) : null}
      {total > 0 ? (
        <Button type="link" onClick={onClear} disabled={busy !== null}>
          {t('dispatch.clearSelection')}
        </Button>
      ) : (
        <Typography.Text type="secondary" className="small">
          {t('dispatch.selectionHint')}
        </Typography.Text>
      )}
    </Flex>
  );
}
