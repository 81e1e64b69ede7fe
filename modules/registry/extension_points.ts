/*
| Extension points the registry offers to provincial plugins.
*/
import { defineExtensionPoint } from '#kernel/plugins/extension_point'
import type { Section } from './filing/fields.js'
import {
  classifyByNationalRules,
  type Classification,
  type ListFacts,
} from './services/list_rules.js'

export interface ExtraFieldsInput {
  section: Section
  delivery: 'offline' | 'online'
}

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * White, grey or black (and why) from an institution's facts. National
     * default: the Yunnan criteria in DOMAIN-RULES (white = approved filing,
     * valid licence, nothing open; grey = rectifying within the deadline;
     * black = unlicensed, serious hazard, licence misuse, unapproved
     * materials, banned staff, or a missed deadline).
     */
    'registry.list.classify': { kind: 'value'; input: ListFacts; output: Classification }
    /** Extra fields a province asks for in a part of the filing (none nationally). */
    'registry.filing.extra_fields': {
      kind: 'value'
      input: ExtraFieldsInput
      output: PluginField[]
    }
  }
}

export const classifyList = defineExtensionPoint({
  name: 'registry.list.classify',
  version: 1,
  kind: 'value',
  description: 'White/grey/black list classification from an institution’s facts',
  defaultRule: (facts) => classifyByNationalRules(facts),
})

export const extraFilingFields = defineExtensionPoint({
  name: 'registry.filing.extra_fields',
  version: 1,
  kind: 'value',
  description: 'Extra filing fields a province requires',
  defaultRule: () => [],
})
