/*
 * Renders every [data-chart] element with ECharts (served from node_modules
 * at /vendor/echarts.min.js). The page carries each chart as JSON in the
 * attribute, so no inline script is needed and the CSP stays strict:
 *   { type: 'bar' | 'line', stacked, money, categories: [...], series: [{ name, data, color? }] }
 *   { type: 'pie', data: [{ name, value }] }
 * Money arrives in fen and is shown in yuan.
 */
;(function () {
  const PALETTE = ['#0b4ea2', '#2e9d5b', '#9aa1ab', '#c0392b', '#e0a100', '#6f42c1', '#17a2b8']

  function yuan(fen) {
    return (fen / 100).toLocaleString('zh-CN', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    })
  }

  function barOptions(spec) {
    const horizontal = spec.categories.length > 8
    const valueAxis = { type: 'value', axisLabel: spec.money ? { formatter: (v) => yuan(v) } : {} }
    const categoryAxis = {
      type: 'category',
      data: spec.categories,
      axisLabel: { interval: 0, width: 96, overflow: 'truncate' },
    }
    return {
      color: PALETTE,
      tooltip: { trigger: 'axis', valueFormatter: spec.money ? (v) => '¥' + yuan(v) : undefined },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? Object.assign({}, categoryAxis, { inverse: true }) : valueAxis,
      series: spec.series.map((s) => ({
        type: spec.type === 'line' ? 'line' : 'bar',
        name: s.name,
        data: s.data,
        stack: spec.stacked ? 'total' : undefined,
        itemStyle: s.color ? { color: s.color } : undefined,
      })),
    }
  }

  function pieOptions(spec) {
    return {
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          data: spec.data,
          label: { formatter: '{b}\n{c}' },
        },
      ],
    }
  }

  function render(element) {
    if (!window.echarts || element.dataset.chartReady) return
    let spec
    try {
      spec = JSON.parse(element.dataset.chart)
    } catch {
      return
    }
    if (!spec) return
    element.dataset.chartReady = '1'
    if (spec.type === 'bar' && spec.categories.length > 8)
      element.style.height = Math.max(320, spec.categories.length * 28 + 80) + 'px'
    const chart = window.echarts.init(element, null, { renderer: 'svg' })
    chart.setOption(spec.type === 'pie' ? pieOptions(spec) : barOptions(spec))
    new ResizeObserver(() => chart.resize()).observe(element)
  }

  function renderAll(root) {
    root.querySelectorAll('[data-chart]').forEach(render)
  }

  document.addEventListener('DOMContentLoaded', () => renderAll(document))
  /* Fragments swapped in by htmx may carry charts too. */
  document.addEventListener('htmx:afterSwap', (event) => renderAll(event.target))
})()
