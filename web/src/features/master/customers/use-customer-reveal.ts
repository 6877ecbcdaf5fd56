import { useCallback, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { CustomerReveal } from '../../../api/master-data';
import { errorMessage } from '../../../lib/errors';

export interface CustomerRevealState {
  revealed: CustomerReveal | null;
  loading: boolean;
  reveal: () => Promise<void>;
  hide: () => void;
  phoneOf: (id: string) => string | undefined;
  addressOf: (id: string) => string | undefined;
}

/** One audited read shows name, phones and addresses together (MD-5); hiding forgets them again. */
export function useCustomerReveal(customerId: string): CustomerRevealState {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<CustomerReveal | null>(null);
  const [loading, setLoading] = useState(false);

  const reveal = useCallback(async () => {
    setLoading(true);
    try {
      setRevealed(await api.post<CustomerReveal>(`/api/customers/${encodeURIComponent(customerId)}/reveal`));
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setLoading(false);
    }
  }, [customerId, message, t]);

  return {
    revealed,
    loading,
    reveal,
    hide: () => setRevealed(null),
    phoneOf: (id) => revealed?.phones.find((phone) => phone.id === id)?.number,
    addressOf: (id) => revealed?.addresses.find((address) => address.id === id)?.detail,
  };
}
