import { useState } from 'react';
import { App, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Engineer, EngineerReveal } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { errorMessage } from '../../../lib/errors';
import { BUSINESS_TZ, formatPhone } from '../../../lib/format';
import { CodeLabel } from '../../../components/code-label';
import { CategoryLabel } from '../shared/category-label';

export function SkillTags({ skills }: { skills: Engineer['skills'] }) {
  return (
    <Space size={[4, 4]} wrap>
      {skills.map((skill) => (
        <Tag
          key={skill.categoryCode}
          color={skill.level >= 3 ? 'blue' : skill.level === 2 ? 'cyan' : 'default'}
        >
          <CategoryLabel code={skill.categoryCode} /> ·{' '}
          <CodeLabel group="enums.skillLevels" code={skill.level} />
        </Tag>
      ))}
    </Space>
  );
}

export function isExpired(expiresOn: string | null): boolean {
  return expiresOn !== null && expiresOn < dayjs().tz(BUSINESS_TZ).format('YYYY-MM-DD');
}

export function CertificateSummary({ certificates }: { certificates: Engineer['certificates'] }) {
  const { t } = useTranslation();
  if (certificates.length === 0)
    return <Typography.Text type="secondary">{t('engineers.noCertificates')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {certificates.map((certificate) => (
        <Tooltip
          key={certificate.id}
          title={`${certificate.number}${certificate.expiresOn ? ` · ${t('engineers.expiresOn')} ${certificate.expiresOn}` : ''}`}
        >
          <Tag
            icon={<SafetyCertificateOutlined />}
            color={isExpired(certificate.expiresOn) ? 'red' : 'green'}
          >
            {certificate.name}
            {isExpired(certificate.expiresOn) ? ` · ${t('engineers.expired')}` : ''}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** Name and mobile, masked; one audited reveal shows both (MD-5). */
export function EngineerPerson({ engineer, show }: { engineer: Engineer; show: 'name' | 'phone' | 'both' }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<EngineerReveal | null>(null);
  const [loading, setLoading] = useState(false);

  const reveal = async () => {
    setLoading(true);
    try {
      setRevealed(await api.post<EngineerReveal>(`/api/engineers/${encodeURIComponent(engineer.id)}/reveal`));
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setLoading(false);
    }
  };

  const name = revealed?.name ?? engineer.nameMasked;
  const phone = revealed ? (formatPhone(revealed.phone) ?? null) : engineer.phoneMasked;
  return (
    <Space size={4} wrap onClick={(event) => event.stopPropagation()}>
      {show !== 'phone' ? <span>{name}</span> : null}
      {show !== 'name' ? (
        <span className="tabular">
          {phone ?? <Typography.Text type="secondary">{t('common.notRecorded')}</Typography.Text>}
        </span>
      ) : null}
      {!can('engineer.reveal') ? null : revealed ? (
        <Button
          size="small"
          type="text"
          icon={<EyeInvisibleOutlined />}
          onClick={() => setRevealed(null)}
          aria-label={t('common.hide')}
        />
      ) : (
        <Tooltip title={t('common.revealTooltip')}>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            loading={loading}
            onClick={() => void reveal()}
          >
            {t('common.reveal')}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
