/*
| What a generation run makes, before anything is written: how many
| institutions, parents and students each county-level region gets, and
| the id ranges the modules share (plain values, passed from one module's
| generator to the next by the orchestrator).
|
| Provinces are weighted by their population (7th national census, 2020,
| in ten thousands); within a province, urban districts weigh 3, county-
| level cities 2, counties and banners 1, and the four prefecture-level
| cities without counties (Dongguan, Zhongshan, Danzhou, Jiayuguan) 8.
| Every county-level region gets at least one institution.
*/
import { regionTree } from '#modules/identity'

export type Scale = 'smoke' | 'province' | 'national'

export interface ScaleSize {
  institutions: number
  students: number
  /** Parents per student (siblings share a parent account). */
  parentsPerStudent: number
  /** Complaints and tip-offs filed over the last year. */
  complaints: number
}

/*
| National: about 120,000 institutions on the platform, 2,000,000 students
| and 73,000 education-training consumer complaints a year (DOMAIN-RULES);
| orders follow from the contracts (about 5,000,000). A province is a
| thirtieth of that, in one province. Smoke covers the whole country
| thinly: one institution in every county-level region at least.
*/
export const SIZES: Record<Scale, ScaleSize> = {
  national: {
    institutions: 120_000,
    students: 2_000_000,
    parentsPerStudent: 0.8,
    complaints: 73_000,
  },
  province: { institutions: 4_000, students: 66_700, parentsPerStudent: 0.8, complaints: 2_430 },
  smoke: { institutions: 3_000, students: 2_500, parentsPerStudent: 0.8, complaints: 400 },
}

/* Resident population by province, 2020 census (ten thousands). */
export const PROVINCE_POPULATION: Record<string, number> = {
  '110000': 2189,
  '120000': 1387,
  '130000': 7461,
  '140000': 3492,
  '150000': 2405,
  '210000': 4259,
  '220000': 2407,
  '230000': 3185,
  '310000': 2487,
  '320000': 8475,
  '330000': 6457,
  '340000': 6103,
  '350000': 4154,
  '360000': 4519,
  '370000': 10153,
  '410000': 9937,
  '420000': 5775,
  '430000': 6644,
  '440000': 12601,
  '450000': 5013,
  '460000': 1008,
  '500000': 3205,
  '510000': 8367,
  '520000': 3856,
  '530000': 4721,
  '540000': 365,
  '610000': 3953,
  '620000': 2502,
  '630000': 592,
  '640000': 720,
  '650000': 2585,
}

export interface LeafPlan {
  regionCode: string
  weight: number
  institutions: number
  firstInstitutionId: number
  students: number
  parents: number
}

export interface GenerationPlan {
  scale: Scale
  seed: number
  /** The snapshot moment (ISO, UTC) and its Beijing date. */
  now: string
  today: string
  provinces: string[]
  leaves: LeafPlan[]
  /** Every region that gets a bureau account: the country, and the provinces, cities and counties in scope. */
  bureauRegions: string[]
  size: ScaleSize
}

function leafWeight(code: string): number {
  const region = regionTree.get(code)!
  if (region.level === 2) return 8
  if (region.name.endsWith('区')) return 3
  if (region.name.endsWith('市')) return 2
  return 1
}

/** Splits `total` over weights by largest remainders (exact total), each at least `floor`. */
function apportion(total: number, weights: number[], floor = 0): number[] {
  const free = total - floor * weights.length
  if (free < 0)
    throw new RangeError(
      `Cannot give each of ${weights.length} regions ${floor}: only ${total} to share`
    )
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (free * w) / sum)
  const out = exact.map((x) => floor + Math.floor(x))
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0])
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]![1]]!++
  return out
}

export function makePlan(input: {
  scale: Scale
  seed: number
  now: Date
  province?: string
  firstInstitutionId: number
}): GenerationPlan {
  const size = SIZES[input.scale]
  const provinces =
    input.scale === 'province' ? [input.province ?? '220000'] : Object.keys(PROVINCE_POPULATION)
  for (const p of provinces)
    if (!PROVINCE_POPULATION[p]) throw new RangeError(`${p} is not one of the 31 province codes`)
  const leaves: { regionCode: string; weight: number }[] = []
  for (const province of provinces) {
    const inProvince = regionTree
      .descendants(province)
      .filter((r) => regionTree.children(r.code).length === 0)
      .map((r) => r.code)
    const kind = inProvince.map(leafWeight)
    const sum = kind.reduce((a, b) => a + b, 0)
    inProvince.forEach((code, i) =>
      leaves.push({ regionCode: code, weight: (PROVINCE_POPULATION[province]! * kind[i]!) / sum })
    )
  }
  const weights = leaves.map((l) => l.weight)
  const institutions = apportion(size.institutions, weights, 1)
  const students = apportion(size.students, weights)
  let nextId = input.firstInstitutionId
  const planned: LeafPlan[] = leaves.map((leaf, i) => {
    /* apportion gives one share per weight, so both lists are as long as leaves. */
    const leafInstitutions = institutions[i]!
    const leafStudents = students[i]!
    const first = nextId
    nextId += leafInstitutions
    return {
      ...leaf,
      institutions: leafInstitutions,
      firstInstitutionId: first,
      students: leafStudents,
      parents: leafStudents ? Math.max(1, Math.round(leafStudents * size.parentsPerStudent)) : 0,
    }
  })
  const bureauRegions = [
    '000000',
    ...provinces.flatMap((p) => [p, ...regionTree.descendants(p).map((r) => r.code)]),
  ]
  const beijing = new Date(input.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
  return {
    scale: input.scale,
    seed: input.seed,
    now: input.now.toISOString(),
    today: beijing,
    provinces,
    leaves: planned,
    bureauRegions,
    size,
  }
}
