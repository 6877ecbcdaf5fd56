import { Card, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../api/master-data';

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

interface Props {
  year: number;
  /** 0-based month. */
  month: number;
  days: Map<string, CalendarDay>;
  today: string;
  onPick: (day: string) => void;
}

/** One month, Monday first (as Chinese calendars print it), with 休 / 班 marks on special days. */
export function MonthGrid({ year, month, days, today, onPick }: Props) {
  const { t } = useTranslation();
  const first = dayjs(new Date(year, month, 1));
  const leading = (first.day() + 6) % 7;
  const count = first.daysInMonth();
  const cells: (string | null)[] = [
    ...Array.from({ length: leading }, () => null),
    ...Array.from({ length: count }, (_, index) => first.date(index + 1).format('YYYY-MM-DD')),
  ];
  while (cells.length % 7 !== 0) cells.push(null);

  return (
    <Card size="small" title={first.format('MMMM')} className="month-card">
      <div className="month-grid" role="grid">
        {WEEKDAY_KEYS.map((key) => (
          <div key={key} className="month-grid-head" role="columnheader">
            {t(`calendar.weekdaysShort.${key}`)}
          </div>
        ))}
        {cells.map((day, index) => {
          if (!day) return <div key={`blank-${index}`} className="month-grid-blank" />;
          const entry = days.get(day);
          const weekend = index % 7 >= 5;
          const classes = [
            'month-grid-day',
            weekend ? 'is-weekend' : '',
            entry ? `is-${entry.kind}` : '',
            day === today ? 'is-today' : '',
          ].join(' ');
          const button = (
            <button type="button" className={classes} onClick={() => onPick(day)} aria-label={day}>
              <span className="month-grid-number">{Number(day.slice(8))}</span>
              {entry ? <span className="month-grid-mark">{t(`calendar.short.${entry.kind}`)}</span> : null}
            </button>
          );
          return entry ? (
            <Tooltip key={day} title={entry.name}>
              {button}
            </Tooltip>
          ) : (
            <span key={day} className="month-grid-cell">
              {button}
            </span>
          );
        })}
      </div>
    </Card>
  );
}
