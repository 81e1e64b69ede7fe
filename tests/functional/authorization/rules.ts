import type { ActorName } from './world.js'
import type { Outcome } from './outcomes.js'

/*
| Who may do what, as the platform's rule says (ARCHITECTURE, "Regions and
| authorization"; issue 13 item 10, least privilege):
| - a terminal the role does not use answers 403;
| - a record outside an admin's region, or another owner's record, answers 404;
| - an action the role may not take answers 403;
| - institution staff record attendance, answer customers and view; only
|   owners submit filings, request key-fact changes and decide refunds;
| - a county sub-unit inspects and closes yellow fund anomalies, and decides
|   nothing else (no red anomalies, no filings, no lists, no complaints).
| Every table cell is asked of side A's records; side B's actors (`*_other`)
| are the other owners, so every id route is also tried with another
| owner's id. Routes without an id act on the actor's own records, so side
| B's actors answer there as their side-A counterparts do.
*/
export type Expected = Outcome | Outcome[]
export type Rule = (actor: ActorName) => Expected

export const A_INSTITUTION: ActorName[] = ['institution_owner', 'institution_staff']
export const B_INSTITUTION: ActorName[] = ['institution_owner_other', 'institution_staff_other']
const INSTITUTION = [...A_INSTITUTION, ...B_INSTITUTION]
const OWNERS: ActorName[] = ['institution_owner', 'institution_owner_other']
const PARENTS: ActorName[] = ['parent', 'parent_other']
const BANKS: ActorName[] = ['bank_operator', 'bank_other']
const ADMINS_ABOVE: ActorName[] = [
  'county_in_scope',
  'county_other',
  'city_in_scope',
  'province_in_scope',
  'province_other',
  'ministry',
]
const BUREAUS: ActorName[] = [...ADMINS_ABOVE, 'subunit']
const MANAGEMENT: ActorName[] = [...BUREAUS, 'school_operator']
/** Bureaus whose region does not contain side A's county. */
const OUTSIDE: ActorName[] = ['county_other', 'province_other']

/** Terminal routes: a guest is sent to sign in; a role of another terminal gets 403. */
const signedIn =
  (rule: (a: ActorName) => Expected): Rule =>
  (a) =>
    a === 'guest' ? 'login' : rule(a)

const only = (allowed: ActorName[]) => signedIn((a) => (allowed.includes(a) ? 'ok' : 'forbidden'))

/** A bureau's record rule: role first (403), then region (404), then what the level may do. */
const bureauRecord = (roles: ActorName[], decides: (a: ActorName) => boolean) =>
  signedIn((a) =>
    !roles.includes(a)
      ? 'forbidden'
      : OUTSIDE.includes(a)
        ? 'not_found'
        : decides(a)
          ? 'ok'
          : 'forbidden'
  )

export const RULES = {
  /* terminal homes and own-record pages */
  parent: only(PARENTS),
  /** Side A's parent's record: the other parent gets 404. */
  parent_record: signedIn((a) =>
    a === 'parent' ? 'ok' : a === 'parent_other' ? 'not_found' : 'forbidden'
  ),
  institution: only(INSTITUTION),
  /** Side A's institution's record: side B's owner and staff get 404. */
  institution_record: signedIn((a) =>
    A_INSTITUTION.includes(a) ? 'ok' : B_INSTITUTION.includes(a) ? 'not_found' : 'forbidden'
  ),
  /** Owner-level acts on the actor's own institution: staff get 403. */
  owner: only(OWNERS),
  /**
   * Owner-level acts on side A's record: side B's owner gets 404; side B's
   * staff are refused either way (their role may not, and it is not theirs).
   */
  owner_record: signedIn((a) =>
    a === 'institution_owner'
      ? 'ok'
      : a === 'institution_owner_other'
        ? 'not_found'
        : a === 'institution_staff_other'
          ? ['forbidden', 'not_found']
          : 'forbidden'
  ),
  bank: only(BANKS),
  management: only(MANAGEMENT),
  /** Account management and bureau-wide tools: bureaus above sub-units. */
  managers: only(ADMINS_ABOVE),
  /** Lists of the region (sub-units included). */
  bureaus: only(BUREAUS),
  account_record: bureauRecord(ADMINS_ABOVE, () => true),
  /** An institution's record: any bureau of its region. */
  institution_view: bureauRecord(BUREAUS, () => true),
  /** Decisions: the institution's county only (offline). */
  institution_decide: bureauRecord(BUREAUS, (a) => a === 'county_in_scope'),
  /** Inspections: the county and its sub-units. */
  inspect: bureauRecord(BUREAUS, (a) => ['county_in_scope', 'subunit'].includes(a)),
  /** Inspecting side B's institution (named in the body): its county only; bureaus outside its region get 404. */
  inspect_b: signedIn((a) =>
    !BUREAUS.includes(a)
      ? 'forbidden'
      : a === 'county_other'
        ? 'ok'
        : ['county_in_scope', 'subunit', 'province_other'].includes(a)
          ? 'not_found'
          : 'forbidden'
  ),
  /** Closing a yellow fund anomaly: any bureau of the region, sub-units included. */
  close_yellow: bureauRecord(BUREAUS, () => true),
  /** Closing a red fund anomaly: bureaus of the region above sub-units. */
  close_red: bureauRecord(BUREAUS, (a) => a !== 'subunit'),
  /** The register of supervising banks: bureaus above sub-units, for banks in their region. */
  register_bank: signedIn((a) =>
    ['county_in_scope', 'city_in_scope', 'province_in_scope', 'ministry'].includes(a)
      ? 'ok'
      : 'forbidden'
  ),
  prohibited_record: bureauRecord(ADMINS_ABOVE, () => true),
  /** Spot checks: bureaus above sub-units, for a region within their own. */
  draw_spot_check: signedIn((a) =>
    ['county_in_scope', 'city_in_scope', 'province_in_scope', 'ministry'].includes(a)
      ? 'ok'
      : 'forbidden'
  ),
  spot_check_record: bureauRecord(ADMINS_ABOVE, () => true),
  /** A province's own report (Jilin's plugin): bureaus in Jilin; other provinces and the ministry have none. */
  jilin_report: signedIn((a) =>
    !BUREAUS.includes(a)
      ? 'forbidden'
      : ['province_other', 'ministry'].includes(a)
        ? 'not_found'
        : 'ok'
  ),
  /** Penalty decisions: bureaus above sub-units, on institutions in their region (Order No. 53). */
  penalize: bureauRecord(ADMINS_ABOVE, () => true),
  /** Moderating reviews: bureaus above sub-units, in their region. */
  moderate: bureauRecord(BUREAUS, (a) => a !== 'subunit'),
  /** An import batch belongs to the admin who uploaded it. */
  own_batch: signedIn((a) =>
    !ADMINS_ABOVE.includes(a) ? 'forbidden' : a === 'county_in_scope' ? 'ok' : 'not_found'
  ),
  /** A report export belongs to the bureau (sub-units included) that asked for it. */
  own_export: signedIn((a) =>
    !BUREAUS.includes(a) ? 'forbidden' : a === 'county_in_scope' ? 'ok' : 'not_found'
  ),

  /** The platform's stuck work: the ministry's operators only. */
  operators: only(['ministry']),
  /** Requeuing work that is not stuck (the matrix uses id 0): reached by the ministry, refused. */
  operators_act: signedIn((a) => (a === 'ministry' ? 'refused' : 'forbidden')),
  /** Plugin settings: the provincial bureaus and the ministry read them. */
  plugin_settings: only(['province_in_scope', 'province_other', 'ministry']),
  /**
   * Jilin's plugin: its province reads it; the ministry names no province
   * and another province's bureau is not governed by it (404).
   */
  plugin_settings_jilin: signedIn((a) =>
    a === 'province_in_scope'
      ? 'ok'
      : a === 'province_other' || a === 'ministry'
        ? 'not_found'
        : 'forbidden'
  ),
  /** Saving Jilin's settings: only its province, and the matrix's empty form is refused (422). */
  plugin_settings_save: signedIn((a) =>
    a === 'province_in_scope'
      ? 'refused'
      : a === 'province_other' || a === 'ministry'
        ? 'not_found'
        : 'forbidden'
  ),

  /* outside the terminals */
  /** Public pages: everyone, signed in or not. */
  anyone: () => 'ok',
  /** Sign-in and registration pages: a signed-in person is sent to their terminal. */
  guest_only: (a) => (a === 'guest' ? 'ok' : 'home'),
  /** One's own account (password): anyone signed in. */
  account: signedIn(() => 'ok'),
  /** One's own inbox entry: its owner (side A's parent) opens it; to anyone else it does not exist. */
  own_message: signedIn((a) => (a === 'parent' ? 'ok' : 'not_found')),
  /**
   * A complaint case by its number: only its complainant (the parent who
   * filed it, or whoever opened it with its tracking code) — anyone else,
   * bureaus included, gets 404, so numbers reveal nothing.
   */
  complainant: (a) => (a === 'parent' ? 'ok' : 'not_found'),
  /** Evidence: the complainant (with the code) and the bureaus that see the case. */
  evidence: (a) =>
    ['county_in_scope', 'subunit', 'city_in_scope', 'province_in_scope', 'ministry'].includes(a)
      ? 'ok'
      : 'not_found',
} satisfies Record<string, Rule>

export type RuleName = keyof typeof RULES

export function matches(expected: Expected, got: Outcome) {
  return Array.isArray(expected) ? expected.includes(got) : expected === got
}

/** For a rule that everyone answers the same way (machine endpoints, dead links). */
export const everyone =
  (outcome: Outcome): Rule =>
  () =>
    outcome
