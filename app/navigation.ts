/*
| Each terminal's menu is assembled from what modules and plugins register
| at boot. An item is shown only when its `visible` test passes for the
| signed-in user; the server still authorizes every action behind it.
*/
import type { Terminal } from './shared/principal.js'
import type { LocalizedText } from './plugin_sdk/index.js'

export type NavTerminal = Terminal | 'public'

export interface NavItem {
  terminal: NavTerminal
  /** i18n key (e.g. "identity.nav.accounts") or a plugin's text. */
  label: string | LocalizedText
  href: string
  /** Lower comes first. */
  order: number
  /** Short description shown on the terminal's home tiles. */
  hint?: string | LocalizedText
  /** A plugin's item asks the database whether the plugin is on in the user's province. */
  visible?: (user: any) => boolean | Promise<boolean>
}

const items: NavItem[] = []

export function registerNavigation(...entries: NavItem[]) {
  for (const entry of entries) {
    if (!items.some((item) => item.terminal === entry.terminal && item.href === entry.href)) {
      items.push(entry)
    }
  }
}

export async function navigationFor(terminal: NavTerminal, user: unknown): Promise<NavItem[]> {
  const candidates = items.filter((item) => item.terminal === terminal)
  const shown = await Promise.all(
    candidates.map(async (item) => !item.visible || (!!user && (await item.visible(user))))
  )
  return candidates
    .filter((_, i) => shown[i])
    .sort((a, b) => a.order - b.order || a.href.localeCompare(b.href))
}

/*
| Links one module offers on another module's page (the courses of an
| institution on its public page, say) without either importing the other.
*/
export interface PageLink {
  /** Where the link appears, e.g. "registry.public.institution". */
  slot: string
  /** i18n key or literal text. */
  label: string
  href: (params: Record<string, string | number>) => string
  order?: number
}

const pageLinkList: PageLink[] = []

export function registerPageLinks(...links: PageLink[]) {
  for (const link of links) {
    if (!pageLinkList.some((l) => l.slot === link.slot && l.label === link.label))
      pageLinkList.push(link)
  }
}

export function pageLinks(
  slot: string,
  params: Record<string, string | number>
): { label: string; href: string }[] {
  return pageLinkList
    .filter((link) => link.slot === slot)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((link) => ({ label: link.label, href: link.href(params) }))
}
