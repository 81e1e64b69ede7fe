import type { Terminal } from '#kernel/shared/principal'

export const ROLES = [
  'parent',
  'institution_owner',
  'institution_staff',
  'admin',
  'bank_operator',
  'school_operator',
] as const
export type Role = (typeof ROLES)[number]

/* Bureau levels follow the region tree; a sub-unit is an office under a county bureau (2018 manual). */
export const ADMIN_LEVELS = ['ministry', 'province', 'city', 'county', 'subunit'] as const
export type AdminLevel = (typeof ADMIN_LEVELS)[number]

export const LEVEL_FOR_REGION_DEPTH: Record<number, AdminLevel> = {
  0: 'ministry',
  1: 'province',
  2: 'city',
  3: 'county',
}

const TERMINAL_OF_ROLE: Record<Role, Terminal> = {
  parent: 'parent',
  institution_owner: 'institution',
  institution_staff: 'institution',
  admin: 'management',
  school_operator: 'management',
  bank_operator: 'bank',
}

const HOME_OF_TERMINAL: Record<Terminal, string> = {
  parent: '/parent',
  institution: '/institution',
  management: '/manage',
  bank: '/bank',
}

export function terminalOf(role: Role): Terminal {
  return TERMINAL_OF_ROLE[role]
}

export function homeOf(role: Role): string {
  return HOME_OF_TERMINAL[terminalOf(role)]
}
