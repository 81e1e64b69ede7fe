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
import { exampleListFacts } from './services/example_list_facts.js'

export interface ExtraFieldsInput {
  /** The part of the filing being shown or saved (the 2018 manual's five parts). */
  section: Section
  /** Whether the institution teaches on site or online, as filed. */
  delivery: 'offline' | 'online'
}

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * White, grey or black (and why) from an institution's facts.
     *
     * @asked Whenever an institution's facts may have moved it: a filing
     * approved, an inspection finding opened or closed, a rectification
     * case opened, a change request decided, a bureau's override set or
     * cleared, a removal or restoration, a staff recheck, an import; and
     * every night at 00:10 for institutions with a finding past its
     * deadline or a licence that expired.
     * @region The institution's region, as filed (its county).
     * @decides The institution's list status and the reasons shown with
     * it, unless a bureau's override is set (the override wins). A change
     * is kept in the list history, emits `registry:list_changed`, and a new
     * black-list entry publishes a notice to parents.
     * @national The Yunnan criteria in DOMAIN-RULES: white = approved
     * filing, valid licence, nothing open; grey = rectifying within the
     * deadline; black = unlicensed, serious hazard, licence misuse,
     * unapproved materials, banned staff, or a missed deadline; none = no
     * approved filing yet.
     */
    'registry.list.classify': { kind: 'value'; input: ListFacts; output: Classification }
    /**
     * Extra fields a province asks for in a part of the filing.
     *
     * @asked When an institution opens a part of its filing and when it
     * saves that part; for every part (to label the answers) when the
     * filing's summary or a bureau's review of it is shown.
     * @region The region the filing gives for the institution (its
     * county); until it is filled in, the institution's region.
     * @decides The fields added to that part of the form: they are
     * validated with the part (a required one must be filled before the
     * part saves) and kept with the filing.
     * @national None.
     */
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
  example: () => exampleListFacts(),
  defaultRule: (facts) => classifyByNationalRules(facts),
})

export const extraFilingFields = defineExtensionPoint({
  name: 'registry.filing.extra_fields',
  version: 1,
  kind: 'value',
  description: 'Extra filing fields a province requires',
  /* An online institution opening the first part of its filing (Jilin asks for more there). */
  example: (): ExtraFieldsInput => ({ section: 'basic', delivery: 'online' }),
  defaultRule: () => [],
})
