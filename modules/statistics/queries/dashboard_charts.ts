/*
| Chart specifications for the dashboard, plain JSON that
| resources/public/js/charts.js turns into ECharts options (no inline
| script: the page carries the data in a `data-chart` attribute).
*/
import type { FigureRow } from './dashboard.js'
import { BREAKDOWNS, type Breakdown, type Metrics, type Section } from './dashboard_tables.js'

export interface BarChart {
  type: 'bar'
  stacked: boolean
  /** Values are fen; the chart shows yuan. */
  money: boolean
  categories: string[]
  series: { name: string; data: number[]; color?: string }[]
}

export interface PieChart {
  type: 'pie'
  data: { name: string; value: number }[]
}

export type ChartSpec = BarChart | PieChart

type Translate = (key: string, data?: Record<string, unknown>) => string

/** Which figures each section's chart compares across regions or institutions. */
/* Colours carry meaning where the figure has one: a black list is dark, overdue is red, done is green. */
const GREEN = '#1a7f37'
const RED = '#c8161d'
const AMBER = '#d4a017'
const SERIES: Record<Section, { metric: string; label: string; color?: string }[]> = {
  institutions: [
    { metric: 'list.white', label: 'list_white', color: GREEN },
    { metric: 'list.grey', label: 'list_grey', color: '#9aa1ab' },
    { metric: 'list.black', label: 'list_black', color: '#1f2328' },
    { metric: 'list.none', label: 'list_none', color: '#c9d6ea' },
  ],
  inspections: [
    { metric: 'rectifications.open', label: 'rectifications_open', color: AMBER },
    { metric: 'rectifications.reported', label: 'rectifications_reported', color: '#0b4ea2' },
    { metric: 'rectifications.overdue', label: 'rectifications_overdue', color: RED },
    { metric: 'rectifications.closed', label: 'rectifications_closed', color: GREEN },
  ],
  complaints: [
    { metric: 'complaints.open', label: 'complaints_open', color: AMBER },
    { metric: 'complaints.overdue', label: 'complaints_overdue', color: RED },
    { metric: 'complaints.closed', label: 'complaints_closed', color: GREEN },
  ],
  funds: [
    { metric: 'fees.collected', label: 'collected' },
    { metric: 'fees.held', label: 'held' },
    { metric: 'fees.refunded', label: 'refunded' },
  ],
}

/** Bars beyond this many would be unreadable on a phone; the table holds the rest. */
const MAX_BARS = 40

export function sectionChart(
  section: Section,
  rows: FigureRow[],
  t: Translate,
  label: (row: FigureRow) => string
): BarChart | null {
  const shown = rows.slice(0, MAX_BARS)
  if (!shown.length) return null
  return {
    type: 'bar',
    stacked: section === 'institutions',
    money: section === 'funds',
    categories: shown.map(label),
    series: SERIES[section].map((s) => ({
      name: t(`reports.columns.${s.label}`),
      data: shown.map((r) => r.metrics[s.metric] ?? 0),
      ...(s.color ? { color: s.color } : {}),
    })),
  }
}

export function breakdownChart(
  breakdown: Breakdown,
  total: Metrics,
  t: Translate
): PieChart | null {
  const data = BREAKDOWNS[breakdown]
    .map((item) => ({
      name: t(`reports.${breakdown}.${item.key}`),
      value: total[item.metric] ?? 0,
    }))
    .filter((d) => d.value > 0)
  return data.length ? { type: 'pie', data } : null
}
