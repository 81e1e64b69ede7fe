/*
| Which region a statistics page is about: the one asked for, or the
| bureau's own when none. Whether the viewer may read it is ReportPolicy's
| `region` (its own region and below; 404 outside). The institution
| terminal's own figures go through identity's acting-for guard
| (`actingInstitutionId`).
*/
import type { CurrentUser } from '#modules/identity'

export type Bureau = CurrentUser & { regionCode: string }

/** The signed-in bureau, once ReportPolicy has let it in (so it has a region). */
export function bureauOf(user: CurrentUser): Bureau {
  return user as Bureau
}

/** The region asked for, or the bureau's own when none. */
export function askedRegion(user: CurrentUser, asked: unknown): string {
  if (asked === undefined || asked === null || asked === '') return user.regionCode ?? ''
  return String(asked)
}
