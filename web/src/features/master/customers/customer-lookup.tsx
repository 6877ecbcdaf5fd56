import { useEffect, useRef, useState } from 'react';
import { Button, Card, Empty, Input, Space, Spin, Typography } from 'antd';
import type { InputRef } from 'antd';
import { FileAddOutlined, FolderOpenOutlined, PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { CustomerDetail } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { LoadError } from '../../../components/load-error';
import { CustomerDetailView } from './customer-detail-view';
import { completePhone, lookupDelayMs } from './phone-input';
import { useCustomerReveal } from './use-customer-reveal';

interface LookupResult {
  phone: string;
  matches: CustomerDetail[];
  /** Each answer is a new look-up: revealed details of an earlier one are not carried over. */
  serial: number;
}

interface Props {
  onOpen: (id: string) => void;
  onAddUnit: (customer: CustomerDetail) => void;
  onCreate: (phone: string) => void;
  /** Bumped after a change elsewhere (a unit registered) so the shown result is fetched again. */
  refreshKey: number;
  /** Offers "New order" per customer and per unit when given (and the role may take orders). */
  onNewOrder?: (customer: CustomerDetail, unitId?: string) => void;
  /**
   * Told about every answer, so intake can pick a single match at once. `refreshed` is true when the answer
   * is for the number already shown (a `refreshKey` bump), not a new caller.
   */
  onMatches?: (matches: CustomerDetail[], phone: string, refreshed: boolean) => void;
  initialPhone?: string;
}

/**
 * The agent's first move with a customer on the line (UI.md "Agent intake"): the phone field has focus on
 * load and a complete number is looked up at once, without pressing anything.
 */
export function CustomerLookup(props: Props) {
  const { onOpen, onAddUnit, onCreate, refreshKey, onNewOrder, onMatches, initialPhone } = props;
  const { t } = useTranslation();
  const { can } = useAuth();
  const input = useRef<InputRef>(null);
  const [raw, setRaw] = useState(initialPhone ?? '');
  const onMatchesRef = useRef(onMatches);
  onMatchesRef.current = onMatches;
  const [result, setResult] = useState<LookupResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const serial = useRef(0);
  const answeredPhone = useRef<string | null>(null);
  const digits = completePhone(raw);

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    if (!digits) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      setError(null);
      api
        .get<{ matches: CustomerDetail[] }>(
          '/api/customers/lookup',
          { phone: digits },
          { signal: controller.signal },
        )
        .then((answer) => {
          const refreshed = answeredPhone.current === digits;
          answeredPhone.current = digits;
          setResult({ phone: digits, matches: answer.matches, serial: ++serial.current });
          onMatchesRef.current?.(answer.matches, digits, refreshed);
        })
        .catch((caught: unknown) => {
          if (!controller.signal.aborted) setError(caught);
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, lookupDelayMs(digits));
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [digits, refreshKey]);

  const shown = result && digits === result.phone ? result : null;

  return (
    <Card className="lookup-card" title={t('customers.lookupTitle')}>
      <label htmlFor="caller-phone" className="lookup-label">
        {t('customers.phoneLabel')}
      </label>
      <Input
        id="caller-phone"
        ref={input}
        size="large"
        inputMode="tel"
        autoComplete="off"
        allowClear
        prefix={<PhoneOutlined />}
        // Always a suffix: antd re-mounts the input when one appears, which would drop the agent's focus.
        suffix={loading ? <Spin size="small" /> : <span />}
        placeholder={t('customers.phonePlaceholder')}
        value={raw}
        onChange={(event) => setRaw(event.target.value)}
        className="lookup-input"
      />
      <Typography.Paragraph type="secondary" className="small lookup-hint">
        {loading ? t('customers.lookingUp') : t('customers.lookupHint')}
      </Typography.Paragraph>
      {error ? <LoadError error={error} /> : null}
      {shown && shown.matches.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <span className="stacked">
              <span>{t('customers.noMatch', { phone: shown.phone })}</span>
              <Typography.Text type="secondary">{t('customers.noMatchHint')}</Typography.Text>
            </span>
          }
        >
          {can('customer.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => onCreate(shown.phone)}>
              {t('customers.createWithPhone')}
            </Button>
          ) : null}
        </Empty>
      ) : null}
      {shown && shown.matches.length > 1 ? (
        <Typography.Paragraph strong>
          {t('customers.matchCount', { count: shown.matches.length })}
        </Typography.Paragraph>
      ) : null}
      {shown?.matches.map((customer) => (
        <LookupMatch
          key={`${shown.serial}:${customer.id}`}
          customer={customer}
          onOpen={onOpen}
          onAddUnit={onAddUnit}
          onNewOrder={can('order.create') ? onNewOrder : undefined}
        />
      ))}
    </Card>
  );
}

function LookupMatch({
  customer,
  onOpen,
  onAddUnit,
  onNewOrder,
}: {
  customer: CustomerDetail;
  onOpen: (id: string) => void;
  onAddUnit: (customer: CustomerDetail) => void;
  onNewOrder?: (customer: CustomerDetail, unitId?: string) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const reveal = useCustomerReveal(customer.id);
  return (
    <div className="lookup-match">
      <CustomerDetailView
        customer={customer}
        reveal={reveal}
        onOpenMerged={onOpen}
        onNewOrderForUnit={
          onNewOrder && !customer.mergedIntoId ? (unitId) => onNewOrder(customer, unitId) : undefined
        }
        actions={
          <Space wrap>
            {onNewOrder && !customer.mergedIntoId ? (
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => onNewOrder(customer)}>
                {t('orders.intake.newOrder')}
              </Button>
            ) : null}
            {can('customer.write') && !customer.mergedIntoId ? (
              <Button icon={<PlusOutlined />} onClick={() => onAddUnit(customer)}>
                {t('customers.addUnit')}
              </Button>
            ) : null}
            <Button icon={<FolderOpenOutlined />} onClick={() => onOpen(customer.id)}>
              {t('customers.openDetail')}
            </Button>
          </Space>
        }
      />
    </div>
  );
}
