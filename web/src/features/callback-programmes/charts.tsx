import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { Card, Empty, Segmented } from 'antd';
import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatPercent } from './programme-bits';

/**
 * Small SVG charts for the callback reports. No chart library is installed and these two shapes (a line over
 * months, stacked bars over months) do not justify ECharts' weight; every mark carries a `<title>` tooltip,
 * the SVG has an accessible name and description, and `ChartPanel` puts the data table one click away.
 */

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  /** One value per category; null leaves a gap (nothing was counted). */
  values: (number | null)[];
}

const MARGIN = { top: 16, right: 16, bottom: 44, left: 60 };
const MIN_LABEL_SPACING = 64;

function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    const observer = new ResizeObserver((entries) => {
      const next = entries[0]?.contentRect.width;
      if (next !== undefined) setWidth(Math.floor(next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Whole-number steps of 1, 2 or 5 × 10ⁿ, so count axes never show fractions of an order. */
function countTicks(max: number, wanted = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / wanted;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalized = raw / magnitude;
  const step = Math.max(
    1,
    (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude,
  );
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= top + step / 2; value += step) ticks.push(value);
  return ticks;
}

/** Every k-th category label, so labels never overlap on a narrow screen. */
function labelEvery(count: number, plotWidth: number): number {
  if (count <= 1) return 1;
  return Math.max(1, Math.ceil((count * MIN_LABEL_SPACING) / Math.max(plotWidth, 1)));
}

interface FrameProps {
  title: string;
  description: string;
  height: number;
  xLabel: string;
  yLabel: string;
  legend: { key: string; label: string; color: string; dashed?: boolean }[];
  children: (plot: { width: number; height: number }) => ReactNode;
}

function ChartFrame({ title, description, height, xLabel, yLabel, legend, children }: FrameProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const titleId = useId();
  const descId = useId();
  const plot = {
    width: Math.max(0, width - MARGIN.left - MARGIN.right),
    height: height - MARGIN.top - MARGIN.bottom,
  };
  return (
    <figure className="programme-chart">
      <div ref={ref} style={{ height }}>
        {width > 0 ? (
          <svg
            width={width}
            height={height}
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
            className="programme-chart-svg"
          >
            <title id={titleId}>{title}</title>
            <desc id={descId}>{description}</desc>
            <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>{children(plot)}</g>
            <text
              className="programme-chart-axis-label"
              transform={`translate(14,${MARGIN.top + plot.height / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {yLabel}
            </text>
            <text
              className="programme-chart-axis-label"
              x={MARGIN.left + plot.width / 2}
              y={height - 6}
              textAnchor="middle"
            >
              {xLabel}
            </text>
          </svg>
        ) : null}
      </div>
      <figcaption>
        <ul className="programme-chart-legend">
          {legend.map((item) => (
            <li key={item.key}>
              <span
                className={`programme-chart-swatch${item.dashed ? ' is-dashed' : ''}`}
                style={item.dashed ? { borderColor: item.color } : { background: item.color }}
                aria-hidden="true"
              />
              {item.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function YAxis({
  ticks,
  scale,
  width,
  format,
}: {
  ticks: number[];
  scale: (value: number) => number;
  width: number;
  format: (value: number) => string;
}) {
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick} transform={`translate(0,${scale(tick)})`}>
          <line x2={width} className="programme-chart-grid" />
          <text x={-8} dy="0.32em" textAnchor="end" className="programme-chart-tick">
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

function XAxis({
  categories,
  center,
  width,
  height,
  every,
}: {
  categories: string[];
  center: (index: number) => number;
  width: number;
  height: number;
  every: number;
}) {
  return (
    <g aria-hidden="true" transform={`translate(0,${height})`}>
      <line x2={width} className="programme-chart-axis" />
      {categories.map((category, index) =>
        index % every === 0 ? (
          <text key={category} x={center(index)} y={18} textAnchor="middle" className="programme-chart-tick">
            {category}
          </text>
        ) : null,
      )}
    </g>
  );
}

interface LineChartProps {
  title: string;
  description: string;
  categories: string[];
  series: ChartSeries[];
  /** The value axis runs from 0 to this (1 for ratios). */
  yMax: number;
  yTicks: number[];
  formatY: (value: number) => string;
  xLabel: string;
  yLabel: string;
  height?: number;
  /** A dashed reference line, e.g. a target. */
  reference?: { value: number; label: string };
}

export function LineChart(props: LineChartProps) {
  const { title, description, categories, series, yMax, yTicks, formatY, xLabel, yLabel, reference } = props;
  const height = props.height ?? 260;
  const legend = [
    ...series.map(({ key, label, color }) => ({ key, label, color })),
    ...(reference ? [{ key: 'reference', label: reference.label, color: '#8c8c8c', dashed: true }] : []),
  ];
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      xLabel={xLabel}
      yLabel={yLabel}
      legend={legend}
    >
      {(plot) => {
        const band = categories.length > 0 ? plot.width / categories.length : plot.width;
        const x = (index: number) => band * index + band / 2;
        const y = (value: number) => plot.height - (Math.min(value, yMax) / yMax) * plot.height;
        return (
          <>
            <YAxis ticks={yTicks} scale={y} width={plot.width} format={formatY} />
            <XAxis
              categories={categories}
              center={x}
              width={plot.width}
              height={plot.height}
              every={labelEvery(categories.length, plot.width)}
            />
            {reference ? (
              <line
                x1={0}
                x2={plot.width}
                y1={y(reference.value)}
                y2={y(reference.value)}
                className="programme-chart-reference"
              >
                <title>{`${reference.label}: ${formatY(reference.value)}`}</title>
              </line>
            ) : null}
            {series.map((s) => {
              // A gap (null) breaks the line: an empty month is not a zero.
              let d = '';
              let pen = false;
              s.values.forEach((value, index) => {
                if (value === null) {
                  pen = false;
                  return;
                }
                d += `${pen ? 'L' : 'M'}${x(index).toFixed(1)},${y(value).toFixed(1)}`;
                pen = true;
              });
              return (
                <g key={s.key}>
                  <path d={d} fill="none" stroke={s.color} strokeWidth={2} strokeLinejoin="round" />
                  {s.values.map((value, index) =>
                    value === null ? null : (
                      <g key={categories[index]} className="programme-chart-point">
                        <title>{`${categories[index] ?? ''} · ${s.label}: ${formatY(value)}`}</title>
                        <circle cx={x(index)} cy={y(value)} r={10} fill="transparent" />
                        <circle
                          cx={x(index)}
                          cy={y(value)}
                          r={3.5}
                          fill="#fff"
                          stroke={s.color}
                          strokeWidth={2}
                        />
                      </g>
                    ),
                  )}
                </g>
              );
            })}
          </>
        );
      }}
    </ChartFrame>
  );
}

interface StackedBarChartProps {
  title: string;
  description: string;
  categories: string[];
  /** Counts per category; segments stack in this order from the axis up. */
  series: ChartSeries[];
  xLabel: string;
  yLabel: string;
  height?: number;
}

export function StackedBarChart(props: StackedBarChartProps) {
  const { title, description, categories, series, xLabel, yLabel } = props;
  const height = props.height ?? 260;
  const totals = categories.map((_, index) =>
    series.reduce((sum, s) => sum + Math.max(0, s.values[index] ?? 0), 0),
  );
  const ticks = countTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1] ?? 1;
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      xLabel={xLabel}
      yLabel={yLabel}
      legend={series.map(({ key, label, color }) => ({ key, label, color }))}
    >
      {(plot) => {
        const band = categories.length > 0 ? plot.width / categories.length : plot.width;
        const barWidth = Math.max(4, Math.min(44, band * 0.6));
        const x = (index: number) => band * index + band / 2;
        const y = (value: number) => plot.height - (value / top) * plot.height;
        return (
          <>
            <YAxis ticks={ticks} scale={y} width={plot.width} format={(value) => String(value)} />
            <XAxis
              categories={categories}
              center={x}
              width={plot.width}
              height={plot.height}
              every={labelEvery(categories.length, plot.width)}
            />
            {categories.map((category, index) => {
              const total = totals[index] ?? 0;
              let base = 0;
              return (
                <g key={category}>
                  {series.map((s) => {
                    const value = Math.max(0, s.values[index] ?? 0);
                    if (value === 0) return null;
                    const y0 = y(base);
                    base += value;
                    const y1 = y(base);
                    return (
                      <rect
                        key={s.key}
                        x={x(index) - barWidth / 2}
                        y={y1}
                        width={barWidth}
                        height={Math.max(0, y0 - y1)}
                        fill={s.color}
                        className="programme-chart-bar"
                      >
                        <title>{`${category} · ${s.label}: ${value} (${formatPercent(value / total)})`}</title>
                      </rect>
                    );
                  })}
                </g>
              );
            })}
          </>
        );
      }}
    </ChartFrame>
  );
}

/** One horizontal bar split into shares, for a table cell (per-outlet verdict mix). */
export function MixBar({
  label,
  segments,
}: {
  label: string;
  segments: { key: string; label: string; color: string; value: number }[];
}) {
  const total = segments.reduce((sum, s) => sum + Math.max(0, s.value), 0);
  if (total === 0) return <span className="muted">—</span>;
  let offset = 0;
  return (
    <svg
      className="programme-mix-bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      role="img"
      aria-label={`${label}: ${segments.map((s) => `${s.label} ${s.value}`).join(', ')}`}
    >
      {segments.map((s) => {
        const width = (Math.max(0, s.value) / total) * 100;
        const x = offset;
        offset += width;
        return width === 0 ? null : (
          <rect key={s.key} x={x} y={0} width={width} height={10} fill={s.color}>
            <title>{`${s.label}: ${s.value} (${formatPercent(s.value / total)})`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** A chart with its data table one click away (UI.md "Charts"). */
export function ChartPanel({
  title,
  chart,
  table,
  empty,
}: {
  title: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** Shown instead of both when there is nothing to draw. */
  empty?: ReactNode;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      size="small"
      title={title}
      extra={
        empty ? null : (
          <Segmented<'chart' | 'table'>
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', icon: <BarChartOutlined />, label: t('callbackProgrammes.charts.chart') },
              { value: 'table', icon: <TableOutlined />, label: t('callbackProgrammes.charts.table') },
            ]}
          />
        )
      }
    >
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : view === 'chart' ? (
        chart
      ) : (
        table
      )}
    </Card>
  );
}
