import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'site.home': { paramsTuple?: []; params?: {} }
    'site.locale': { paramsTuple: [ParamValue]; params: {'locale': ParamValue} }
    'site.manifest': { paramsTuple: [ParamValue]; params: {'terminal': ParamValue} }
    'site.offline': { paramsTuple?: []; params?: {} }
    'site.vendor': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'site.health': { paramsTuple?: []; params?: {} }
    'terminals.parent': { paramsTuple?: []; params?: {} }
    'terminals.institution': { paramsTuple?: []; params?: {} }
    'terminals.management': { paramsTuple?: []; params?: {} }
    'terminals.bank': { paramsTuple?: []; params?: {} }
    'sessions.create': { paramsTuple?: []; params?: {} }
    'sessions.store': { paramsTuple?: []; params?: {} }
    'registrations.create': { paramsTuple?: []; params?: {} }
    'registrations.send_code': { paramsTuple?: []; params?: {} }
    'registrations.change_phone': { paramsTuple?: []; params?: {} }
    'registrations.store': { paramsTuple?: []; params?: {} }
    'sessions.destroy': { paramsTuple?: []; params?: {} }
    'password_links.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password_links.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'passwords.edit': { paramsTuple?: []; params?: {} }
    'passwords.update': { paramsTuple?: []; params?: {} }
    'accounts.index': { paramsTuple?: []; params?: {} }
    'accounts.create': { paramsTuple?: []; params?: {} }
    'accounts.store': { paramsTuple?: []; params?: {} }
    'accounts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.reveal_phone': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.disable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.enable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.reset': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'filing.overview': { paramsTuple?: []; params?: {} }
    'filing.confirm': { paramsTuple?: []; params?: {} }
    'filing.submit': { paramsTuple?: []; params?: {} }
    'filing.skip_academic': { paramsTuple?: []; params?: {} }
    'credit_code_contests.create': { paramsTuple?: []; params?: {} }
    'credit_code_contests.store': { paramsTuple?: []; params?: {} }
    'filing.edit': { paramsTuple: [ParamValue]; params: {'section': ParamValue} }
    'filing.update': { paramsTuple: [ParamValue]; params: {'section': ParamValue} }
    'documents.own': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.create': { paramsTuple?: []; params?: {} }
    'staff.store': { paramsTuple?: []; params?: {} }
    'staff.leave': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'changes.index': { paramsTuple?: []; params?: {} }
    'changes.store': { paramsTuple?: []; params?: {} }
    'rectifications.index': { paramsTuple?: []; params?: {} }
    'rectifications.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'plate.show': { paramsTuple?: []; params?: {} }
    'plate.download': { paramsTuple: [ParamValue]; params: {'format': ParamValue} }
    'reviews.index': { paramsTuple?: []; params?: {} }
    'reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reviews.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reviews.return': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.index': { paramsTuple?: []; params?: {} }
    'institutions_admin.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.override': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.clear_override': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.reveal_staff_id': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'staffId': ParamValue} }
    'documents.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'change_reviews.index': { paramsTuple?: []; params?: {} }
    'change_reviews.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'change_reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'credit_code_contests.index': { paramsTuple?: []; params?: {} }
    'credit_code_contests.uphold': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'credit_code_contests.dismiss': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supervising_banks.index': { paramsTuple?: []; params?: {} }
    'supervising_banks.store': { paramsTuple?: []; params?: {} }
    'inspections.index': { paramsTuple?: []; params?: {} }
    'inspections.create': { paramsTuple?: []; params?: {} }
    'inspections.store': { paramsTuple?: []; params?: {} }
    'inspections.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'inspections.record': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'findings.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'findings.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'prohibited.index': { paramsTuple?: []; params?: {} }
    'prohibited.store': { paramsTuple?: []; params?: {} }
    'prohibited.import': { paramsTuple?: []; params?: {} }
    'prohibited.revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.index': { paramsTuple?: []; params?: {} }
    'imports.template': { paramsTuple?: []; params?: {} }
    'imports.store': { paramsTuple?: []; params?: {} }
    'imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.run': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public.search': { paramsTuple?: []; params?: {} }
    'public.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public.staff_photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'staffId': ParamValue} }
    'public.list': { paramsTuple: [ParamValue]; params: {'status': ParamValue} }
    'public.notices': { paramsTuple?: []; params?: {} }
    'public.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public.region_picker': { paramsTuple?: []; params?: {} }
    'courses.index': { paramsTuple?: []; params?: {} }
    'courses.create': { paramsTuple?: []; params?: {} }
    'courses.store': { paramsTuple?: []; params?: {} }
    'courses.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'courses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'courses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'courses.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'materials.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'materials.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'materials.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_contracts.index': { paramsTuple?: []; params?: {} }
    'institution_contracts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_contracts.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'course_reviews.index': { paramsTuple?: []; params?: {} }
    'course_reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'course_reviews.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'course_reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'course_reviews.take_down': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'materials.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'spot_checks.index': { paramsTuple?: []; params?: {} }
    'spot_checks.create': { paramsTuple?: []; params?: {} }
    'spot_checks.store': { paramsTuple?: []; params?: {} }
    'spot_checks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'spot_checks.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manage_contracts.index': { paramsTuple?: []; params?: {} }
    'manage_contracts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manage_contracts.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.index': { paramsTuple?: []; params?: {} }
    'parent_contracts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public_courses.search': { paramsTuple?: []; params?: {} }
    'public_courses.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_orders.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_orders.index': { paramsTuple?: []; params?: {} }
    'parent_orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_orders.status': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_orders.pay': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_refunds.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_refunds.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_classes.pay': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_classes.confirm': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_classes.dispute': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_orders.index': { paramsTuple?: []; params?: {} }
    'institution_orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_attendance.index': { paramsTuple?: []; params?: {} }
    'institution_attendance.store': { paramsTuple?: []; params?: {} }
    'institution_refunds.index': { paramsTuple?: []; params?: {} }
    'institution_refunds.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'funds_supervision.index': { paramsTuple?: []; params?: {} }
    'funds_supervision.institution': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'funds_supervision.order': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'funds_supervision.refund_all': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'funds_instructions.resolve': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'decision': ParamValue} }
    'funds_anomalies.index': { paramsTuple?: []; params?: {} }
    'funds_anomalies.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_portal.accounts': { paramsTuple?: []; params?: {} }
    'bank_portal.instructions': { paramsTuple?: []; params?: {} }
    'bank_portal.anomalies': { paramsTuple?: []; params?: {} }
    'bank_portal.credentials': { paramsTuple?: []; params?: {} }
    'bank_portal.rotate': { paramsTuple?: []; params?: {} }
    'api.pay_notice': { paramsTuple: [ParamValue]; params: {'provider': ParamValue} }
    'api.bank_instructions': { paramsTuple?: []; params?: {} }
    'api.bank_reject': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'api.bank_movements': { paramsTuple?: []; params?: {} }
    'complaints.create': { paramsTuple?: []; params?: {} }
    'complaints.code': { paramsTuple?: []; params?: {} }
    'complaints.store': { paramsTuple?: []; params?: {} }
    'complaints.track': { paramsTuple?: []; params?: {} }
    'complaints.open': { paramsTuple?: []; params?: {} }
    'complaints.institutions': { paramsTuple?: []; params?: {} }
    'complaint_cases.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_cases.escalate': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_cases.accept': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_cases.review': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_cases.reopen': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_cases.rate': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_cases.withdraw': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_attachments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public_reviews.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_complaints.index': { paramsTuple?: []; params?: {} }
    'parent_complaints.create': { paramsTuple?: []; params?: {} }
    'parent_complaints.store': { paramsTuple?: []; params?: {} }
    'parent_reviews.index': { paramsTuple?: []; params?: {} }
    'parent_reviews.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_complaints.index': { paramsTuple?: []; params?: {} }
    'institution_complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_complaints.respond': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_reviews.index': { paramsTuple?: []; params?: {} }
    'institution_reviews.reply': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.index': { paramsTuple?: []; params?: {} }
    'bureau_complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.transfer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.note': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.reply': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.reveal': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_reviews.index': { paramsTuple?: []; params?: {} }
    'bureau_reviews.hide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reports.index': { paramsTuple?: []; params?: {} }
    'report_exports.store': { paramsTuple?: []; params?: {} }
    'report_exports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'report_exports.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'plugin_reports.show': { paramsTuple: [ParamValue,ParamValue]; params: {'plugin': ParamValue,'report': ParamValue} }
    'plugin_reports.export': { paramsTuple: [ParamValue,ParamValue]; params: {'plugin': ParamValue,'report': ParamValue} }
    'institution_statistics.index': { paramsTuple?: []; params?: {} }
    'institution_statistics.export': { paramsTuple?: []; params?: {} }
  }
  GET: {
    'site.home': { paramsTuple?: []; params?: {} }
    'site.locale': { paramsTuple: [ParamValue]; params: {'locale': ParamValue} }
    'site.manifest': { paramsTuple: [ParamValue]; params: {'terminal': ParamValue} }
    'site.offline': { paramsTuple?: []; params?: {} }
    'site.vendor': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'site.health': { paramsTuple?: []; params?: {} }
    'terminals.parent': { paramsTuple?: []; params?: {} }
    'terminals.institution': { paramsTuple?: []; params?: {} }
    'terminals.management': { paramsTuple?: []; params?: {} }
    'terminals.bank': { paramsTuple?: []; params?: {} }
    'sessions.create': { paramsTuple?: []; params?: {} }
    'registrations.create': { paramsTuple?: []; params?: {} }
    'password_links.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'passwords.edit': { paramsTuple?: []; params?: {} }
    'accounts.index': { paramsTuple?: []; params?: {} }
    'accounts.create': { paramsTuple?: []; params?: {} }
    'accounts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'filing.overview': { paramsTuple?: []; params?: {} }
    'filing.confirm': { paramsTuple?: []; params?: {} }
    'credit_code_contests.create': { paramsTuple?: []; params?: {} }
    'filing.edit': { paramsTuple: [ParamValue]; params: {'section': ParamValue} }
    'documents.own': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.create': { paramsTuple?: []; params?: {} }
    'changes.index': { paramsTuple?: []; params?: {} }
    'rectifications.index': { paramsTuple?: []; params?: {} }
    'plate.show': { paramsTuple?: []; params?: {} }
    'plate.download': { paramsTuple: [ParamValue]; params: {'format': ParamValue} }
    'reviews.index': { paramsTuple?: []; params?: {} }
    'reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.index': { paramsTuple?: []; params?: {} }
    'institutions_admin.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'documents.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'change_reviews.index': { paramsTuple?: []; params?: {} }
    'credit_code_contests.index': { paramsTuple?: []; params?: {} }
    'supervising_banks.index': { paramsTuple?: []; params?: {} }
    'inspections.index': { paramsTuple?: []; params?: {} }
    'inspections.create': { paramsTuple?: []; params?: {} }
    'inspections.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'prohibited.index': { paramsTuple?: []; params?: {} }
    'imports.index': { paramsTuple?: []; params?: {} }
    'imports.template': { paramsTuple?: []; params?: {} }
    'imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public.search': { paramsTuple?: []; params?: {} }
    'public.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public.staff_photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'staffId': ParamValue} }
    'public.list': { paramsTuple: [ParamValue]; params: {'status': ParamValue} }
    'public.notices': { paramsTuple?: []; params?: {} }
    'public.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public.region_picker': { paramsTuple?: []; params?: {} }
    'courses.index': { paramsTuple?: []; params?: {} }
    'courses.create': { paramsTuple?: []; params?: {} }
    'courses.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'courses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'materials.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_contracts.index': { paramsTuple?: []; params?: {} }
    'institution_contracts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_contracts.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'course_reviews.index': { paramsTuple?: []; params?: {} }
    'course_reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'materials.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'spot_checks.index': { paramsTuple?: []; params?: {} }
    'spot_checks.create': { paramsTuple?: []; params?: {} }
    'spot_checks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manage_contracts.index': { paramsTuple?: []; params?: {} }
    'manage_contracts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manage_contracts.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.index': { paramsTuple?: []; params?: {} }
    'parent_contracts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public_courses.search': { paramsTuple?: []; params?: {} }
    'public_courses.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_orders.index': { paramsTuple?: []; params?: {} }
    'parent_orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_orders.status': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_orders.index': { paramsTuple?: []; params?: {} }
    'institution_orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_attendance.index': { paramsTuple?: []; params?: {} }
    'institution_refunds.index': { paramsTuple?: []; params?: {} }
    'funds_supervision.index': { paramsTuple?: []; params?: {} }
    'funds_supervision.institution': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'funds_supervision.order': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'funds_anomalies.index': { paramsTuple?: []; params?: {} }
    'bank_portal.accounts': { paramsTuple?: []; params?: {} }
    'bank_portal.instructions': { paramsTuple?: []; params?: {} }
    'bank_portal.anomalies': { paramsTuple?: []; params?: {} }
    'bank_portal.credentials': { paramsTuple?: []; params?: {} }
    'api.bank_instructions': { paramsTuple?: []; params?: {} }
    'complaints.create': { paramsTuple?: []; params?: {} }
    'complaints.track': { paramsTuple?: []; params?: {} }
    'complaints.institutions': { paramsTuple?: []; params?: {} }
    'complaint_cases.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_attachments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public_reviews.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_complaints.index': { paramsTuple?: []; params?: {} }
    'parent_complaints.create': { paramsTuple?: []; params?: {} }
    'parent_reviews.index': { paramsTuple?: []; params?: {} }
    'institution_complaints.index': { paramsTuple?: []; params?: {} }
    'institution_complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_reviews.index': { paramsTuple?: []; params?: {} }
    'bureau_complaints.index': { paramsTuple?: []; params?: {} }
    'bureau_complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_reviews.index': { paramsTuple?: []; params?: {} }
    'reports.index': { paramsTuple?: []; params?: {} }
    'report_exports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'report_exports.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'plugin_reports.show': { paramsTuple: [ParamValue,ParamValue]; params: {'plugin': ParamValue,'report': ParamValue} }
    'plugin_reports.export': { paramsTuple: [ParamValue,ParamValue]; params: {'plugin': ParamValue,'report': ParamValue} }
    'institution_statistics.index': { paramsTuple?: []; params?: {} }
    'institution_statistics.export': { paramsTuple?: []; params?: {} }
  }
  HEAD: {
    'site.home': { paramsTuple?: []; params?: {} }
    'site.locale': { paramsTuple: [ParamValue]; params: {'locale': ParamValue} }
    'site.manifest': { paramsTuple: [ParamValue]; params: {'terminal': ParamValue} }
    'site.offline': { paramsTuple?: []; params?: {} }
    'site.vendor': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'site.health': { paramsTuple?: []; params?: {} }
    'terminals.parent': { paramsTuple?: []; params?: {} }
    'terminals.institution': { paramsTuple?: []; params?: {} }
    'terminals.management': { paramsTuple?: []; params?: {} }
    'terminals.bank': { paramsTuple?: []; params?: {} }
    'sessions.create': { paramsTuple?: []; params?: {} }
    'registrations.create': { paramsTuple?: []; params?: {} }
    'password_links.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'passwords.edit': { paramsTuple?: []; params?: {} }
    'accounts.index': { paramsTuple?: []; params?: {} }
    'accounts.create': { paramsTuple?: []; params?: {} }
    'accounts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'filing.overview': { paramsTuple?: []; params?: {} }
    'filing.confirm': { paramsTuple?: []; params?: {} }
    'credit_code_contests.create': { paramsTuple?: []; params?: {} }
    'filing.edit': { paramsTuple: [ParamValue]; params: {'section': ParamValue} }
    'documents.own': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.create': { paramsTuple?: []; params?: {} }
    'changes.index': { paramsTuple?: []; params?: {} }
    'rectifications.index': { paramsTuple?: []; params?: {} }
    'plate.show': { paramsTuple?: []; params?: {} }
    'plate.download': { paramsTuple: [ParamValue]; params: {'format': ParamValue} }
    'reviews.index': { paramsTuple?: []; params?: {} }
    'reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.index': { paramsTuple?: []; params?: {} }
    'institutions_admin.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'documents.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'change_reviews.index': { paramsTuple?: []; params?: {} }
    'credit_code_contests.index': { paramsTuple?: []; params?: {} }
    'supervising_banks.index': { paramsTuple?: []; params?: {} }
    'inspections.index': { paramsTuple?: []; params?: {} }
    'inspections.create': { paramsTuple?: []; params?: {} }
    'inspections.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'prohibited.index': { paramsTuple?: []; params?: {} }
    'imports.index': { paramsTuple?: []; params?: {} }
    'imports.template': { paramsTuple?: []; params?: {} }
    'imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public.search': { paramsTuple?: []; params?: {} }
    'public.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public.staff_photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'staffId': ParamValue} }
    'public.list': { paramsTuple: [ParamValue]; params: {'status': ParamValue} }
    'public.notices': { paramsTuple?: []; params?: {} }
    'public.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public.region_picker': { paramsTuple?: []; params?: {} }
    'courses.index': { paramsTuple?: []; params?: {} }
    'courses.create': { paramsTuple?: []; params?: {} }
    'courses.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'courses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'materials.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_contracts.index': { paramsTuple?: []; params?: {} }
    'institution_contracts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_contracts.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'course_reviews.index': { paramsTuple?: []; params?: {} }
    'course_reviews.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'materials.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'spot_checks.index': { paramsTuple?: []; params?: {} }
    'spot_checks.create': { paramsTuple?: []; params?: {} }
    'spot_checks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manage_contracts.index': { paramsTuple?: []; params?: {} }
    'manage_contracts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manage_contracts.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.index': { paramsTuple?: []; params?: {} }
    'parent_contracts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public_courses.search': { paramsTuple?: []; params?: {} }
    'public_courses.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_orders.index': { paramsTuple?: []; params?: {} }
    'parent_orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_orders.status': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_orders.index': { paramsTuple?: []; params?: {} }
    'institution_orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_attendance.index': { paramsTuple?: []; params?: {} }
    'institution_refunds.index': { paramsTuple?: []; params?: {} }
    'funds_supervision.index': { paramsTuple?: []; params?: {} }
    'funds_supervision.institution': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'funds_supervision.order': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'funds_anomalies.index': { paramsTuple?: []; params?: {} }
    'bank_portal.accounts': { paramsTuple?: []; params?: {} }
    'bank_portal.instructions': { paramsTuple?: []; params?: {} }
    'bank_portal.anomalies': { paramsTuple?: []; params?: {} }
    'bank_portal.credentials': { paramsTuple?: []; params?: {} }
    'api.bank_instructions': { paramsTuple?: []; params?: {} }
    'complaints.create': { paramsTuple?: []; params?: {} }
    'complaints.track': { paramsTuple?: []; params?: {} }
    'complaints.institutions': { paramsTuple?: []; params?: {} }
    'complaint_cases.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_attachments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'public_reviews.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_complaints.index': { paramsTuple?: []; params?: {} }
    'parent_complaints.create': { paramsTuple?: []; params?: {} }
    'parent_reviews.index': { paramsTuple?: []; params?: {} }
    'institution_complaints.index': { paramsTuple?: []; params?: {} }
    'institution_complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_reviews.index': { paramsTuple?: []; params?: {} }
    'bureau_complaints.index': { paramsTuple?: []; params?: {} }
    'bureau_complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_reviews.index': { paramsTuple?: []; params?: {} }
    'reports.index': { paramsTuple?: []; params?: {} }
    'report_exports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'report_exports.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'plugin_reports.show': { paramsTuple: [ParamValue,ParamValue]; params: {'plugin': ParamValue,'report': ParamValue} }
    'plugin_reports.export': { paramsTuple: [ParamValue,ParamValue]; params: {'plugin': ParamValue,'report': ParamValue} }
    'institution_statistics.index': { paramsTuple?: []; params?: {} }
    'institution_statistics.export': { paramsTuple?: []; params?: {} }
  }
  POST: {
    'sessions.store': { paramsTuple?: []; params?: {} }
    'registrations.send_code': { paramsTuple?: []; params?: {} }
    'registrations.change_phone': { paramsTuple?: []; params?: {} }
    'registrations.store': { paramsTuple?: []; params?: {} }
    'sessions.destroy': { paramsTuple?: []; params?: {} }
    'password_links.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'accounts.store': { paramsTuple?: []; params?: {} }
    'accounts.reveal_phone': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.disable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.enable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'accounts.reset': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'filing.submit': { paramsTuple?: []; params?: {} }
    'filing.skip_academic': { paramsTuple?: []; params?: {} }
    'credit_code_contests.store': { paramsTuple?: []; params?: {} }
    'filing.update': { paramsTuple: [ParamValue]; params: {'section': ParamValue} }
    'staff.store': { paramsTuple?: []; params?: {} }
    'staff.leave': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'changes.store': { paramsTuple?: []; params?: {} }
    'rectifications.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reviews.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reviews.return': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.override': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.clear_override': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institutions_admin.reveal_staff_id': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'staffId': ParamValue} }
    'change_reviews.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'change_reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'credit_code_contests.uphold': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'credit_code_contests.dismiss': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'supervising_banks.store': { paramsTuple?: []; params?: {} }
    'inspections.store': { paramsTuple?: []; params?: {} }
    'inspections.record': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'findings.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'findings.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'prohibited.store': { paramsTuple?: []; params?: {} }
    'prohibited.import': { paramsTuple?: []; params?: {} }
    'prohibited.revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.store': { paramsTuple?: []; params?: {} }
    'imports.run': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'courses.store': { paramsTuple?: []; params?: {} }
    'courses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'courses.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'materials.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'materials.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'course_reviews.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'course_reviews.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'course_reviews.take_down': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'spot_checks.store': { paramsTuple?: []; params?: {} }
    'spot_checks.review': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_contracts.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_orders.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_orders.pay': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_refunds.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_refunds.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_classes.pay': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_classes.confirm': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'parent_classes.dispute': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_attendance.store': { paramsTuple?: []; params?: {} }
    'institution_refunds.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'funds_supervision.refund_all': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'funds_instructions.resolve': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'decision': ParamValue} }
    'funds_anomalies.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_portal.rotate': { paramsTuple?: []; params?: {} }
    'api.pay_notice': { paramsTuple: [ParamValue]; params: {'provider': ParamValue} }
    'api.bank_reject': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'api.bank_movements': { paramsTuple?: []; params?: {} }
    'complaints.code': { paramsTuple?: []; params?: {} }
    'complaints.store': { paramsTuple?: []; params?: {} }
    'complaints.open': { paramsTuple?: []; params?: {} }
    'complaint_cases.escalate': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_cases.accept': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_cases.review': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_cases.reopen': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_cases.rate': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaint_cases.withdraw': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'parent_complaints.store': { paramsTuple?: []; params?: {} }
    'parent_reviews.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_complaints.respond': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'institution_reviews.reply': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.transfer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.note': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.reply': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_complaints.reveal': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bureau_reviews.hide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'report_exports.store': { paramsTuple?: []; params?: {} }
  }
  PUT: {
    'passwords.update': { paramsTuple?: []; params?: {} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}