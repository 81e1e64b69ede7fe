import type { ListFacts } from './list_rules.js'

/**
 * An institution a province would classify: filed and licensed, with one
 * minor finding (its fees) being rectified a month before its deadline,
 * so the national rules put it on the grey list. The plugin test kit's
 * `inputFor('registry.list.classify', changes)` starts from it: a test
 * moves `today` past the deadline, or adds a finding, and sees its rule.
 */
export function exampleListFacts(): ListFacts {
  return {
    today: '2027-03-15',
    filingApproved: true,
    removed: false,
    qualificationType: 'offline_licence',
    licenceValidTo: '2030-08-31',
    openFindings: [{ item: 'fees', severity: 'minor', deadline: '2027-04-15' }],
    bannedStaffHired: 0,
  }
}
