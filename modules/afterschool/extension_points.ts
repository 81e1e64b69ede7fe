/* Extension points the afterschool module offers to provincial plugins (see modules/identity/extension_points.ts). */
import type { EligibilityCriteria, EligibilityInput } from './eligibility/criteria.js'

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * The criteria an institution must meet to enter an after-school
     * eligible list: which of the ten checks apply, the lowest credit
     * grade admitted and how many years a serious inspection finding
     * counts.
     *
     * @asked When a bureau's call compares its applicants, and again for
     * every institution on a published list when one of its facts moves
     * (a list change, a lapsed licence, a credit grade, banned staff).
     * @region The region of the call (the county or city bureau's).
     * @decides Which applicants pass the comparison, hence who a school
     * may choose, and who drops out of a live list. An unknown check, a
     * grade outside A–E or a look-back outside 0–10 years stops the
     * comparison with a message naming it.
     * @national Every check on (non-academic only; filed and
     * white-listed; fees supervised; licence valid; no serious finding in
     * 2 years and none unrectified; not grey- or black-listed; teachers
     * admitted and certified; within the licence's categories), credit
     * grade at least C; modelled on Taishan's list (sources in
     * modules/afterschool/eligibility/criteria.ts).
     */
    'afterschool.eligibility': {
      kind: 'value'
      input: EligibilityInput
      output: EligibilityCriteria
    }
  }
}

export { eligibilityCriteria, criteriaFor } from './eligibility/criteria.js'
