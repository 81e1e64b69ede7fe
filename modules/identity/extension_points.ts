/*
| Extension points the identity module offers to provincial plugins.
*/
import { defineExtensionPoint } from '#kernel/plugins/extension_point'

/** Nothing: the province is the rule's region (`ctx.region`). */
export type AuditRetentionInput = Record<string, never>

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * Days that audit and user-behaviour logs are kept before the retention
     * job removes them.
     *
     * @asked Every night at 03:30 (Asia/Shanghai) by the audit-log clean-up
     * job: once for each province, and once for events without a region.
     * @region A province's code (220000, say): the answer holds for every
     * audit event of that province. Events without a region are asked
     * under the country code 000000, which no plugin governs, so they keep
     * the national number.
     * @decides Audit events of the province older than this many days are
     * deleted.
     * @national 180 days, the six months the Cybersecurity Law
     * (网络安全法 第二十一条) requires network logs to be kept.
     */
    'identity.audit.retention_days': { kind: 'value'; input: AuditRetentionInput; output: number }
  }
}

export const auditRetentionDays = defineExtensionPoint({
  name: 'identity.audit.retention_days',
  version: 1,
  kind: 'value',
  description: 'Days audit and user-behaviour logs are kept (national default 180).',
  /* The rule sees only its province (`ctx.region`). */
  example: () => ({}),
  defaultRule: () => 180,
})
