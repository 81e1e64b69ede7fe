/*
| The dashboard's tables, described once: the page, its charts and the
| Excel exports all read these columns, so an export always carries the
| figures the page shows.
*/
import { formatYuan } from '#kernel/shared/money'

export type Metrics = Record<string, number>

export type ColumnKind = 'count' | 'money' | 'percent' | 'rating'

export interface Column {
  key: string
  /** i18n key under `reports.columns`. */
  label: string
  kind: ColumnKind
  /** The figure, or null when it has no meaning (a rate over nothing). */
  value: (m: Metrics) => number | null
}

export const SECTIONS = ['institutions', 'inspections', 'complaints', 'funds'] as const
export type Section = (typeof SECTIONS)[number]

const count = (metric: string) => (m: Metrics) => m[metric] ?? 0
const ratio = (part: string, whole: string) => (m: Metrics) => {
  const total = m[whole] ?? 0
  return total > 0 ? (m[part] ?? 0) / total : null
}

export const LIST_STATUSES = ['white', 'grey', 'black', 'none'] as const
export const CATEGORIES = ['academic', 'sports', 'arts', 'science_tech', 'other'] as const
export const COMPLAINT_TYPES = [
  'unlicensed',
  'enrolment',
  'refund',
  'service',
  'safety',
  'other',
] as const

export const COLUMNS: Record<Section, Column[]> = {
  institutions: [
    { key: 'institutions', label: 'institutions', kind: 'count', value: count('institutions') },
    ...LIST_STATUSES.map((s): Column => ({
      key: `list.${s}`,
      label: `list_${s}`,
      kind: 'count',
      value: count(`list.${s}`),
    })),
    {
      key: 'filings.pending',
      label: 'filings_pending',
      kind: 'count',
      value: count('filings.pending'),
    },
    {
      key: 'institutions.removed',
      label: 'removed',
      kind: 'count',
      value: count('institutions.removed'),
    },
  ],
  inspections: [
    { key: 'inspections', label: 'inspections', kind: 'count', value: count('inspections') },
    {
      key: 'inspections.recorded',
      label: 'inspections_recorded',
      kind: 'count',
      value: count('inspections.recorded'),
    },
    {
      key: 'rectifications.open',
      label: 'rectifications_open',
      kind: 'count',
      value: count('rectifications.open'),
    },
    {
      key: 'rectifications.reported',
      label: 'rectifications_reported',
      kind: 'count',
      value: count('rectifications.reported'),
    },
    {
      key: 'rectifications.overdue',
      label: 'rectifications_overdue',
      kind: 'count',
      value: count('rectifications.overdue'),
    },
    {
      key: 'rectifications.closed',
      label: 'rectifications_closed',
      kind: 'count',
      value: count('rectifications.closed'),
    },
  ],
  complaints: [
    { key: 'complaints', label: 'complaints', kind: 'count', value: count('complaints') },
    {
      key: 'complaints.open',
      label: 'complaints_open',
      kind: 'count',
      value: count('complaints.open'),
    },
    {
      key: 'complaints.overdue',
      label: 'complaints_overdue',
      kind: 'count',
      value: count('complaints.overdue'),
    },
    {
      key: 'complaints.closed',
      label: 'complaints_closed',
      kind: 'count',
      value: count('complaints.closed'),
    },
    {
      key: 'complaints.timely_rate',
      label: 'timely_rate',
      kind: 'percent',
      value: ratio('complaints.timely', 'complaints.closed'),
    },
    {
      key: 'complaints.satisfaction',
      label: 'satisfaction',
      kind: 'percent',
      value: ratio('complaints.satisfied', 'complaints.rated'),
    },
    { key: 'reviews', label: 'reviews', kind: 'count', value: count('reviews') },
    {
      key: 'reviews.average',
      label: 'review_average',
      kind: 'rating',
      value: ratio('reviews.rating_sum', 'reviews'),
    },
  ],
  funds: [
    { key: 'orders', label: 'orders', kind: 'count', value: count('orders') },
    { key: 'fees.collected', label: 'collected', kind: 'money', value: count('fees.collected') },
    { key: 'fees.held', label: 'held', kind: 'money', value: count('fees.held') },
    { key: 'fees.released', label: 'released', kind: 'money', value: count('fees.released') },
    { key: 'fees.refunded', label: 'refunded', kind: 'money', value: count('fees.refunded') },
    { key: 'refunds', label: 'refunds', kind: 'count', value: count('refunds') },
    {
      key: 'balance.reported',
      label: 'bank_balance',
      kind: 'money',
      value: count('balance.reported'),
    },
    {
      key: 'anomalies.open',
      label: 'anomalies_open',
      kind: 'count',
      value: count('anomalies.open'),
    },
  ],
}

/** Breakdowns of the region itself (one row per category or type), shown beside pie charts. */
export const BREAKDOWNS = {
  categories: CATEGORIES.map((c) => ({ key: c, metric: `category.${c}` })),
  complaint_types: COMPLAINT_TYPES.map((c) => ({ key: c, metric: `complaints.type.${c}` })),
} as const
export type Breakdown = keyof typeof BREAKDOWNS

/** What a table lists: the regions one level down, or every institution of the region. */
export type RowKind = 'regions' | 'institutions'

export function isSection(value: unknown): value is Section {
  return typeof value === 'string' && (SECTIONS as readonly string[]).includes(value)
}

export function isBreakdown(value: unknown): value is Breakdown {
  return typeof value === 'string' && value in BREAKDOWNS
}

/** Exact yuan text from fen ("1234.50"), never through floating point. */
export function yuanText(fenValue: number): string {
  const negative = fenValue < 0
  const abs = Math.abs(fenValue)
  return `${negative ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** The institution terminal's own figures, in reading order. */
export const INSTITUTION_COLUMNS: Column[] = [
  { key: 'orders', label: 'orders', kind: 'count', value: count('orders') },
  {
    key: 'classes.consumed',
    label: 'classes_consumed',
    kind: 'count',
    value: count('classes.consumed'),
  },
  { key: 'fees.collected', label: 'collected', kind: 'money', value: count('fees.collected') },
  { key: 'fees.released', label: 'released', kind: 'money', value: count('fees.released') },
  { key: 'fees.held', label: 'held', kind: 'money', value: count('fees.held') },
  { key: 'fees.refunded', label: 'refunded', kind: 'money', value: count('fees.refunded') },
  { key: 'refunds', label: 'refunds', kind: 'count', value: count('refunds') },
  {
    key: 'refunds.pending',
    label: 'refunds_pending',
    kind: 'count',
    value: count('refunds.pending'),
  },
  { key: 'complaints', label: 'complaints', kind: 'count', value: count('complaints') },
  {
    key: 'complaints.open',
    label: 'complaints_open',
    kind: 'count',
    value: count('complaints.open'),
  },
  {
    key: 'complaints.overdue',
    label: 'complaints_overdue',
    kind: 'count',
    value: count('complaints.overdue'),
  },
  {
    key: 'complaints.timely_rate',
    label: 'timely_rate',
    kind: 'percent',
    value: ratio('complaints.timely', 'complaints.closed'),
  },
  {
    key: 'complaints.satisfaction',
    label: 'satisfaction',
    kind: 'percent',
    value: ratio('complaints.satisfied', 'complaints.rated'),
  },
  { key: 'reviews', label: 'reviews', kind: 'count', value: count('reviews') },
  {
    key: 'reviews.average',
    label: 'review_average',
    kind: 'rating',
    value: ratio('reviews.rating_sum', 'reviews'),
  },
  {
    key: 'rectifications.open',
    label: 'rectifications_open',
    kind: 'count',
    value: count('rectifications.open'),
  },
  {
    key: 'rectifications.overdue',
    label: 'rectifications_overdue',
    kind: 'count',
    value: count('rectifications.overdue'),
  },
]

/** A figure as the page shows it: money with ¥ and thousands separators, rates in per cent. */
export function formatFigure(kind: ColumnKind, value: number | null): string {
  if (value === null) return '—'
  if (kind === 'money') return `¥${formatYuan(value)}`
  if (kind === 'percent') return `${(value * 100).toFixed(1)}%`
  if (kind === 'rating') return value.toFixed(2)
  return value.toLocaleString('en-US')
}
