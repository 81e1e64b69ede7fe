import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ReportsController = () => import('./controllers/reports_controller.js')
const ExportsController = () => import('./controllers/exports_controller.js')
const InstitutionStatisticsController = () =>
  import('./controllers/institution_statistics_controller.js')
const PluginReportsController = () => import('./controllers/plugin_reports_controller.js')

/* Management terminal: the statistics dashboard with drill-down, and its Excel exports. */
router
  .group(() => {
    router.get('/reports', [ReportsController, 'index']).as('reports.index')
    router.post('/reports/exports', [ExportsController, 'store']).as('report_exports.store')
    router.get('/reports/exports/:id', [ExportsController, 'show']).as('report_exports.show')
    router
      .get('/reports/exports/:id/download', [ExportsController, 'download'])
      .as('report_exports.download')
    router
      .get('/reports/plugins/:plugin/:report', [PluginReportsController, 'show'])
      .as('plugin_reports.show')
    router
      .get('/reports/plugins/:plugin/:report/export', [PluginReportsController, 'export'])
      .as('plugin_reports.export')
  })
  .prefix('/manage')
  .use([middleware.auth(), middleware.terminal({ terminal: 'management' })])

/* Institution terminal: its own statistics. */
router
  .group(() => {
    router
      .get('/statistics', [InstitutionStatisticsController, 'index'])
      .as('institution_statistics.index')
    router
      .get('/statistics/export', [InstitutionStatisticsController, 'export'])
      .as('institution_statistics.export')
  })
  .prefix('/institution')
  .use([middleware.auth(), middleware.terminal({ terminal: 'institution' })])
