import { Badge, Checkbox, Empty, Flex, Space, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ActionBucket, BoardColumn, WaitingCard } from '../../api/work-orders';
import { formatDateTime } from '../../lib/format';
import { OrderCardView } from '../orders/shared/order-card';
import { useDuration } from '../orders/shared/order-tags';

// The new-work columns are wide (half the page): cards flow in as many tracks as fit.
const CARD_GRID = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
  gap: 8,
} as const;

/** One request takes at most this many orders (the server's limit). */
export const MAX_SELECTED = 100;

interface Props {
  bucket: ActionBucket;
  column: BoardColumn<WaitingCard>;
  /** Start of the business day: work sent before it and still waiting missed WO-9's end-of-day check. */
  todayStart: string;
  /** Absent when the role may not act on this bucket: the cards are shown without checkboxes. */
  selected?: ReadonlySet<string>;
  onToggle?: (orderIds: string[], checked: boolean) => void;
}

/** A new-work bucket (to accept, to assign): longest waiting first, each card saying how long. */
export function NewWorkColumn({ bucket, column, todayStart, selected, onToggle }: Props) {
  const { t } = useTranslation();
  const duration = useDuration();
  const selectable = selected !== undefined && onToggle !== undefined;
  const ids = column.cards.map((card) => card.orderId);
  const picked = ids.filter((id) => selected?.has(id)).length;
  const full = (selected?.size ?? 0) >= MAX_SELECTED;
  const late = (card: WaitingCard) => card.waitingSince < todayStart;

  return (
    <div className="board-column">
      <Flex className="board-column-title" justify="space-between" align="center" gap={8} wrap>
        <Space size={8}>
          <Typography.Text strong>{t(`dispatch.buckets.${bucket}`)}</Typography.Text>
          <Badge count={column.count} showZero color={column.count > 0 ? '#fa8c16' : '#bfbfbf'} />
          {column.overdue > 0 ? (
            <Typography.Text type="danger" className="small">
              {t('dispatch.overdue', { count: column.overdue })}
            </Typography.Text>
          ) : null}
        </Space>
        {selectable && ids.length > 0 ? (
          <Checkbox
            checked={picked > 0 && picked === Math.min(ids.length, MAX_SELECTED)}
            indeterminate={picked > 0 && picked < Math.min(ids.length, MAX_SELECTED)}
            onChange={(event) => onToggle(ids.slice(0, MAX_SELECTED), event.target.checked)}
          >
            {t('dispatch.selectAll')}
          </Checkbox>
        ) : null}
      </Flex>
      {column.cards.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`dispatch.emptyBuckets.${bucket}`)} />
      ) : (
        <div style={CARD_GRID}>
          {column.cards.map((card) => {
            const checked = selected?.has(card.orderId) ?? false;
            return (
              <OrderCardView
                key={card.orderId}
                card={card}
                footer={
                  <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 8 }}>
                    <Tooltip title={t('dispatch.waitingSince', { at: formatDateTime(card.waitingSince) })}>
                      <Typography.Text type={late(card) ? 'danger' : 'warning'} className="small tabular">
                        <ClockCircleOutlined />{' '}
                        {t(`dispatch.waiting.${bucket}`, {
                          duration: duration(card.waitingMinutes * 60_000),
                        })}
                      </Typography.Text>
                    </Tooltip>
                    {selectable ? (
                      <Checkbox
                        checked={checked}
                        disabled={!checked && full}
                        onChange={(event) => onToggle([card.orderId], event.target.checked)}
                      >
                        {t('dispatch.select')}
                      </Checkbox>
                    ) : null}
                  </Flex>
                }
              />
            );
          })}
        </div>
      )}
    </div>
  );
}
