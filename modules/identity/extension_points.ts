/*
| Extension points the identity module offers to provincial plugins.
*/
import { defineExtensionPoint } from '#kernel/plugins/extension_point'

export type AuditRetentionInput = Record<string, never>

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * Days that audit and user-behaviour logs are kept before the retention
     * job removes them. National default: 180 days, the six months the
     * Cybersecurity Law (网络安全法 第二十一条) requires network logs to be kept.
     */
    'identity.audit.retention_days': { kind: 'value'; input: AuditRetentionInput; output: number }
  }
}

export const auditRetentionDays = defineExtensionPoint({
  name: 'identity.audit.retention_days',
  version: 1,
  kind: 'value',
  description: 'Days audit and user-behaviour logs are kept (national default 180).',
  defaultRule: () => 180,
})
