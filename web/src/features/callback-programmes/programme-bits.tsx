import type { ReactNode } from 'react';
import { Button, Popover, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { BUSINESS_TZ } from '../../lib/format';
import type { DealerTier, HomeChannel, HomeParty, PlacementStatus } from './api';

const TIER_COLORS: Record<DealerTier, string> = { A: 'gold', B: 'blue', C: 'red' };

/** CB-7 wording (金牌 / 中等 / 黑名单) rather than the master-data labels, which predate the programme. */
export function ProgrammeTierTag({ tier }: { tier: DealerTier }) {
  const { t } = useTranslation();
  return <Tag color={TIER_COLORS[tier]}>{t(`callbackProgrammes.tiers.${tier}`)}</Tag>;
}

export function PartyTag({ party }: { party: HomeParty }) {
  const { t } = useTranslation();
  return (
    <Tag color={party === 'customer' ? 'geekblue' : 'purple'}>{t(`callbackProgrammes.parties.${party}`)}</Tag>
  );
}

const STATUS_COLORS: Record<PlacementStatus, string> = {
  upcoming: 'blue',
  ongoing: 'green',
  ended: 'default',
};

export function PlacementStatusTag({ status }: { status: PlacementStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`callbackProgrammes.placementStatuses.${status}`)}</Tag>;
}

export function ChannelText({ channel }: { channel: HomeChannel }) {
  const { t } = useTranslation();
  return <>{t(`callbackProgrammes.channels.${channel}`)}</>;
}

/** Ratios arrive as fractions; the programmes show them with one decimal (93.0%). */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

export function SatisfiedText({ satisfied }: { satisfied: boolean | null }) {
  const { t } = useTranslation();
  if (satisfied === null)
    return <Typography.Text type="secondary">{t('callbackProgrammes.common.notAsked')}</Typography.Text>;
  return satisfied ? (
    <Typography.Text type="success">{t('callbackProgrammes.common.satisfied')}</Typography.Text>
  ) : (
    <Typography.Text type="danger">{t('callbackProgrammes.common.dissatisfied')}</Typography.Text>
  );
}

/** Green when the target is met, red when missed, grey while nothing was counted yet. */
export function TargetTag({ meets }: { meets: boolean | null }) {
  const { t } = useTranslation();
  if (meets === null) return <Tag>{t('callbackProgrammes.common.noData')}</Tag>;
  return meets ? (
    <Tag color="success" icon={<CheckCircleFilled />}>
      {t('callbackProgrammes.common.targetMet')}
    </Tag>
  ) : (
    <Tag color="error" icon={<CloseCircleFilled />}>
      {t('callbackProgrammes.common.targetMissed')}
    </Tag>
  );
}

/** The "why" of a computed figure (UI.md): its rule, numerator and denominator, and the policy version. */
export function WhyPopover({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Popover
      trigger="click"
      placement="bottomLeft"
      title={title}
      content={<div className="programme-why">{children}</div>}
    >
      <Button size="small" type="link" icon={<QuestionCircleOutlined />} className="programme-why-button">
        {t('common.why')}
      </Button>
    </Popover>
  );
}

/** Explains why an action is not offered, on hover, instead of hiding it (UI.md). */
export function DisabledReason({ reason, children }: { reason: ReactNode; children: ReactNode }) {
  return (
    <Tooltip title={reason}>
      <span className="programme-disabled-wrap">{children}</span>
    </Tooltip>
  );
}

/**
 * The UI-language text of a field problem's code. In English the server's own sentence is more specific
 * (it names the dates), so only other languages use the dictionary, as `lib/errors.ts` does.
 */
export function useIssueText(): (code: string) => string | null {
  const { t, i18n } = useTranslation();
  return (code) => {
    if (i18n.language === 'en-US') return null;
    const key = `callbackProgrammes.issues.${code}`;
    // The code is only known at run time; exists() proves it is in the dictionary.
    return i18n.exists(key) ? t(key as never) : null;
  };
}

/**
 * The banner sentence for a failed request. Programme refusals carry their rule's code as `reason`; the
 * dictionary words it in the UI language. When every field problem is already pinned next to its input, a
 * short pointer replaces the server's English list of them.
 */
export function useProblemText(): (error: unknown, pinned?: number) => string {
  const { t, i18n } = useTranslation();
  return (error, pinned = 0) => {
    if (error instanceof ApiError && i18n.language !== 'en-US') {
      const reason = typeof error.extras.reason === 'string' ? error.extras.reason : null;
      const key = reason ? `callbackProgrammes.refusals.${reason}` : null;
      // The reason is only known at run time; exists() proves it is in the dictionary.
      // The refusal's details (dates, counts) fill the sentence's placeholders.
      if (key && i18n.exists(key)) return String(t(key as never, error.extras as never));
      if (pinned > 0 && pinned >= error.errors.length) return t('callbackProgrammes.common.fixFields');
    }
    return errorMessage(error, t);
  };
}

export function businessToday(): string {
  return dayjs().tz(BUSINESS_TZ).format('YYYY-MM-DD');
}

export function businessMonth(): string {
  return dayjs().tz(BUSINESS_TZ).format('YYYY-MM');
}

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM` from the URL, or the fallback when it is missing or malformed. */
export function monthParam(raw: string, fallback: string): string {
  return MONTH_RE.test(raw) ? raw : fallback;
}

export function dateParam(raw: string, fallback: string): string {
  // Round-tripping rejects impossible days (2026-02-31) that the plain parser would roll over.
  return DATE_RE.test(raw) && dayjs(raw).format('YYYY-MM-DD') === raw ? raw : fallback;
}

/** A stale `version` (someone changed the record meanwhile) or a slot someone else has just filled. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'VERSION_CONFLICT';
}

interface IssueLike {
  path: string;
  message: string;
  code?: string;
}

function issuesOf(error: unknown): IssueLike[] {
  if (!(error instanceof ApiError)) return [];
  const raw = error.extras.errors;
  if (!Array.isArray(raw)) return error.errors;
  return raw.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const entry = item as Record<string, unknown>;
    if (typeof entry.message !== 'string') return [];
    return [
      {
        path: typeof entry.path === 'string' ? entry.path : '',
        message: entry.message,
        code: typeof entry.code === 'string' ? entry.code : undefined,
      },
    ];
  });
}

function namePath(path: string): (string | number)[] {
  return path
    .replace(/^\/?body\/?/, '')
    .split(/[/.]/)
    .filter((segment) => segment.length > 0)
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * Pins the server's field problems onto the form, nested list fields included (`/gold/0/reason`). Problems
 * whose code the dictionary knows are shown in the UI language; the rest keep the server's own sentence.
 * Returns how many were pinned, so the caller can leave the banner to what was not.
 */
export function pinProgrammeErrors<T extends object>(
  form: FormInstance<T>,
  error: unknown,
  roots: readonly string[],
  translate: (code: string) => string | null,
): number {
  const known = new Set(roots);
  const fields = issuesOf(error)
    .map((issue) => ({
      name: namePath(issue.path),
      errors: [(issue.code ? translate(issue.code) : null) ?? issue.message],
    }))
    .filter((field) => field.name.length > 0 && known.has(String(field.name[0])));
  // antd's NamePath<T> is a deep conditional type; the filter above keeps only paths under the form's roots.
  if (fields.length > 0) form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  return fields.length;
}
