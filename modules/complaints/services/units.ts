import { COUNTRY_CODE } from '#kernel/shared/region_code'
import { regionTree } from '#modules/identity'

/** The handling unit of a region as people name it on a timeline: 教育部, 吉林省教育厅, 长春市朝阳区教育局. */
export function bureauName(region: string): string {
  if (region === COUNTRY_CODE) return '教育部'
  const chain = regionTree.ancestors(region).filter((r) => r.level > 0)
  const own = chain.at(-1)
  if (!own) return region
  if (own.level === 1) return `${own.name}教育厅`
  const city = chain.find((r) => r.level === 2)
  return `${own.level === 3 && city ? city.name : ''}${own.name}教育局`
}
