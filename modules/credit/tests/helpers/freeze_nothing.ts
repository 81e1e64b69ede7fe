import { definePlugin } from '#plugin_sdk'
import { pluginHost } from '#kernel/plugins/plugin_host'

/**
 * Installs, for one province, a plugin that keeps its thresholds but
 * freezes sales on no red warning (as a province may decide); returns
 * the function that puts the plugins back.
 */
export function freezeNothingIn(province: string): () => void {
  const installed = [...pluginHost.plugins()]
  pluginHost.install([
    ...installed,
    definePlugin({
      id: 'freeze_nothing_fixture',
      name: { 'zh-CN': '红色预警不暂停销售（测试）', 'en': 'No sales freeze on red (test)' },
      version: '0.1.0',
      platform: '^1.0.0',
      regions: [province],
      rules: {
        'credit.risk.indicators': async (_, { next }) => ({
          ...(await next()),
          freezeSalesAtRed: [],
        }),
      },
    }),
  ])
  return () => pluginHost.install(installed)
}
