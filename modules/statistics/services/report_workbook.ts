/*
| Builds a dashboard table as an Excel workbook. Headers are in Chinese
| (the officials' working language, whatever the screen's); money columns
| are yuan with two decimals converted from integer fen by text, so the
| cell holds exactly the amount the page shows. The workbook is streamed,
| page by page, so a national institution list never sits in memory as
| an object model.
*/
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import i18nManager from '@adonisjs/i18n/services/main'
import { regionTree } from '#modules/identity'
import { todayIso } from '#kernel/shared/dates'
import {
  eachInstitutionFigure,
  institutionRowCount,
  regionFigures,
  regionName,
  type FigureRow,
} from '../queries/dashboard.js'
import {
  BREAKDOWNS,
  COLUMNS,
  INSTITUTION_COLUMNS,
  isBreakdown,
  isSection,
  yuanText,
  type Breakdown,
  type Column,
  type Metrics,
  type RowKind,
  type Section,
} from '../queries/dashboard_tables.js'

export type ReportTable = { section: Section; rows: RowKind } | { breakdown: Breakdown }

/** `complaints:regions`, `funds:institutions`, `categories` … as stored on an export. */
export function tableKey(table: ReportTable): string {
  return 'breakdown' in table ? table.breakdown : `${table.section}:${table.rows}`
}

export function parseTableKey(key: unknown): ReportTable | null {
  if (isBreakdown(key)) return { breakdown: key }
  const [section, rows] = String(key ?? '').split(':')
  if (isSection(section) && (rows === 'regions' || rows === 'institutions'))
    return { section, rows }
  return null
}

/** How many data rows the export will hold. */
export async function reportRowCount(scope: string, table: ReportTable): Promise<number> {
  if ('breakdown' in table) return BREAKDOWNS[table.breakdown].length
  if (table.rows === 'institutions') return institutionRowCount(scope)
  return (await regionFigures(scope)).children.length
}

const MONEY_FORMAT = '#,##0.00'

function cellValue(kind: Column['kind'], value: number | null): number | string {
  if (value === null) return '—'
  /* Number("1234.56") is the double Excel itself would store for the typed amount. */
  if (kind === 'money') return Number(yuanText(value))
  if (kind === 'rating') return Math.round(value * 100) / 100
  return value
}

function formatOf(kind: Column['kind']): string | undefined {
  if (kind === 'money') return MONEY_FORMAT
  if (kind === 'percent') return '0.0%'
  if (kind === 'rating') return '0.00'
  return undefined
}

export interface BuiltReport {
  bytes: Buffer
  fileName: string
  rows: number
}

/**
 * Writes the table; `onProgress(done, total)` is awaited after each page
 * of institutions so a background export can report how far it got.
 */
export async function buildReport(
  scope: string,
  table: ReportTable,
  onProgress?: (done: number, total: number) => Promise<void>
): Promise<BuiltReport> {
  const zh = i18nManager.locale('zh-CN')
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true })
  const title =
    'breakdown' in table
      ? zh.t(`reports.breakdowns.${table.breakdown}`)
      : `${zh.t(`reports.sections.${table.section}`)}（${zh.t(`reports.rows.${table.rows}`)}）`
  const sheet = workbook.addWorksheet(title.slice(0, 31))
  let rows = 0

  if ('breakdown' in table) {
    const { total } = await regionFigures(scope)
    sheet.columns = [
      { header: zh.t(`reports.breakdowns.${table.breakdown}_item`), key: 'item', width: 20 },
      { header: zh.t('reports.columns.count'), key: 'count', width: 12 },
    ]
    for (const item of BREAKDOWNS[table.breakdown]) {
      sheet
        .addRow({
          item: zh.t(`reports.${table.breakdown}.${item.key}`),
          count: total[item.metric] ?? 0,
        })
        .commit()
      rows += 1
    }
  } else {
    const columns = COLUMNS[table.section]
    const leading =
      table.rows === 'institutions'
        ? [
            { header: zh.t('reports.columns.region'), key: 'region', width: 28 },
            { header: zh.t('reports.columns.institution'), key: 'name', width: 32 },
          ]
        : [{ header: zh.t('reports.columns.region'), key: 'region', width: 20 }]
    sheet.columns = [
      ...leading,
      ...columns.map((c) => {
        const numFmt = formatOf(c.kind)
        return {
          header: zh.t(`reports.columns.${c.label}`),
          key: c.key,
          width: 14,
          ...(numFmt ? { style: { numFmt } } : {}),
        }
      }),
    ]
    sheet.getRow(1).font = { bold: true }
    const write = (leadingValues: Record<string, string>, metrics: Metrics) => {
      const values: Record<string, number | string> = { ...leadingValues }
      for (const c of columns) values[c.key] = cellValue(c.kind, c.value(metrics))
      sheet.addRow(values).commit()
    }
    if (table.rows === 'regions') {
      const figures = await regionFigures(scope)
      for (const row of figures.children) {
        write(
          {
            region:
              row.kind === 'direct' ? zh.t('reports.direct_row', { region: row.name }) : row.name,
          },
          row.metrics
        )
        rows += 1
      }
      write({ region: zh.t('reports.total_row', { region: figures.name }) }, figures.total)
    } else {
      const total = await institutionRowCount(scope)
      for await (const page of eachInstitutionFigure(scope)) {
        for (const row of page)
          write(
            {
              region: regionTree.fullName(row.regionCode) || regionName(row.regionCode),
              name: institutionLabel(row, zh.t('reports.unattached')),
            },
            row.metrics
          )
        rows += page.length
        await onProgress?.(rows, total)
      }
      const figures = await regionFigures(scope)
      write(
        { region: zh.t('reports.total_row', { region: figures.name }), name: '' },
        figures.total
      )
    }
  }
  sheet.commit()
  await workbook.commit()
  await finished
  return {
    bytes: Buffer.concat(chunks),
    fileName: `${regionName(scope)}-${title}-${todayIso()}.xlsx`,
    rows,
  }
}

export function institutionLabel(row: FigureRow, unattached: string): string {
  return row.institutionId > 0 ? row.name : unattached
}

export interface StatisticLine {
  key: string
  label: string
  kind: Column['kind']
  value: number | null
}

export function institutionStatistics(metrics: Metrics): StatisticLine[] {
  return INSTITUTION_COLUMNS.map((c) => ({
    key: c.key,
    label: c.label,
    kind: c.kind,
    value: c.value(metrics),
  }))
}

/** The institution's own figures as a two-column sheet (指标, 数值). */
export async function buildInstitutionReport(
  name: string,
  lines: StatisticLine[]
): Promise<{ bytes: Buffer; fileName: string }> {
  const zh = i18nManager.locale('zh-CN')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(zh.t('reports.institution.sheet'))
  sheet.columns = [
    { header: zh.t('reports.columns.metric'), key: 'metric', width: 24 },
    { header: zh.t('reports.columns.value'), key: 'value', width: 18 },
  ]
  sheet.getRow(1).font = { bold: true }
  for (const line of lines) {
    const row = sheet.addRow({
      metric: zh.t(`reports.columns.${line.label}`),
      value: cellValue(line.kind, line.value),
    })
    const format = formatOf(line.kind)
    if (format) row.getCell('value').numFmt = format
  }
  return {
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    fileName: `${name}-${zh.t('reports.institution.sheet')}-${todayIso()}.xlsx`,
  }
}
