/*
| A published after-school list for the school terminal's tests: 朝阳区's
| county calls for arts providers for two schools, two compliant
| institutions apply (through the real actions), the list is published
| after the close; each school has its operator.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { type CurrentUser, CurrentUserProvider } from '#modules/identity'
import { scoreInstitution } from '#testing/credit'
import { createTestAccount } from '#testing/identity'
import { createFiledInstitution, createStaffMember } from '#testing/registry'
import { createTestSchool } from '#testing/students'
import { ApplyToCall } from '../../calls/actions/apply_to_call.js'
import { OpenCall } from '../../calls/actions/open_call.js'
import { PublishCall } from '../../calls/actions/publish_call.js'

const beijing = () => DateTime.now().setZone('Asia/Shanghai')
export const day = (n: number) => beijing().plus({ days: n }).toISODate()!
const asDate = (iso: string) => new Date(`${iso}T00:00:00`)

const account = (input: Parameters<typeof createTestAccount>[0]) =>
  createTestAccount(input).then((a) => a.user)
const current = async (id: number) =>
  (await new CurrentUserProvider().findById(id))!.getOriginal() as CurrentUser

export async function publishedList() {
  const school = await createTestSchool({ regionCode: '220104', name: '长春市朝阳区选择小学' })
  const neighbour = await createTestSchool({ regionCode: '220104', name: '长春市朝阳区邻校小学' })
  const county = await account({
    role: 'admin',
    adminLevel: 'county',
    regionCode: '220104',
    unitName: '朝阳区教育局',
  })
  const operatorFor = (schoolId: number) =>
    account({ role: 'school_operator', regionCode: '220104', orgType: 'school', orgId: schoolId })
  const institution = async (name: string, teacherName: string) => {
    const i = await createFiledInstitution({ regionCode: '220104', categories: ['arts'], name })
    const teacher = await createStaffMember(i.id, teacherName)
    const owner = await account({
      role: 'institution_owner',
      regionCode: '220104',
      orgType: 'institution',
      orgId: i.id,
    })
    await scoreInstitution(i.id)
    return { id: i.id, name: i.name, teacher, owner }
  }
  const first = await institution('长春市墨韵美术培训学校', '李老师')
  const second = await institution('长春市童心合唱培训学校', '赵老师')
  const call = await new OpenCall().handle(await current(county.id), {
    title: '朝阳区小学课后服务艺术项目名单',
    schoolYear: 2027,
    categories: ['arts'],
    schoolIds: [school.id, neighbour.id],
    maxPriceYuan: '80',
    opensOn: asDate(day(-1)),
    closesOn: asDate(day(5)),
  })
  for (const [who, name] of [
    [first, '少儿国画'],
    [second, '童声合唱'],
  ] as const)
    await new ApplyToCall().handle(await current(who.owner.id), call.id, [
      {
        name,
        category: 'arts',
        grades: ['p3', 'p4'],
        priceYuan: name === '少儿国画' ? '60' : '55.5',
        classSize: 25,
        teacherIds: [who.teacher.id],
      },
    ])
  /* The call closed yesterday: its own row, which the afterschool module owns. */
  await db
    .from('afterschool_calls')
    .where('id', call.id)
    .update({ opens_on: day(-5), closes_on: day(-1) })
  await new PublishCall().handle(await current(county.id), call.id)
  const entry = async (institutionId: number) =>
    Number(
      (
        await db
          .from('afterschool_applications')
          .where({ call_id: call.id, institution_id: institutionId })
          .firstOrFail()
      ).id
    )
  return {
    call,
    school,
    neighbour,
    county,
    operator: await operatorFor(school.id),
    neighbourOperator: await operatorFor(neighbour.id),
    otherCounty: await account({ role: 'admin', adminLevel: 'county', regionCode: '220102' }),
    first: { ...first, entry: await entry(first.id) },
    second: { ...second, entry: await entry(second.id) },
  }
}

export type ListWorld = Awaited<ReturnType<typeof publishedList>>

/** The choice form as a school fills it. */
export const slot = (overrides: Record<string, string | string[]> = {}) => ({
  'offerIndex': '0',
  'weekday': '2',
  'startsAt': '15:30',
  'endsAt': '17:00',
  'grades[]': ['p3'],
  'capacity': '20',
  ...overrides,
})

export const agreementForm = (overrides: Record<string, string> = {}) => ({
  offerIndex: '0',
  number: '朝课服协〔2027〕01 号',
  signedOn: day(-121),
  termStartsOn: day(-120),
  termEndsOn: day(7),
  notes: '每周二下午',
  ...overrides,
})

export const countRows = async (table: string) =>
  Number((await db.from(table).count('* as n'))[0].n)
