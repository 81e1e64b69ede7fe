import vine from '@vinejs/vine'

/* The non-academic categories a call may want (the licence's, less academic: Art. 21 lists are non-academic). */
export const CALL_CATEGORIES = ['sports', 'arts', 'science_tech', 'other'] as const
const yuan = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,2})?$/)
const isoDate = () => vine.date({ formats: ['YYYY-MM-DD'] })

/* A call as the bureau types it: the cap is in yuan on the form and kept in fen. */
export const callValidator = vine.create({
  title: vine.string().trim().minLength(4).maxLength(100),
  schoolYear: vine.number().withoutDecimals().range([2020, 2100]),
  categories: vine.array(vine.enum(CALL_CATEGORIES)).minLength(1).distinct(),
  schoolIds: vine
    .array(vine.number().positive().withoutDecimals())
    .minLength(1)
    .maxLength(500)
    .distinct(),
  maxPriceYuan: yuan(),
  opensOn: isoDate(),
  closesOn: isoDate().afterOrSameAs('opensOn'),
})

/* An institution's application: one to five projects. */
export const applicationValidator = vine.create({
  offers: vine
    .array(
      vine.object({
        name: vine.string().trim().minLength(2).maxLength(60),
        category: vine.enum(CALL_CATEGORIES),
        grades: vine.array(vine.string().trim()).minLength(1).distinct(),
        priceYuan: yuan(),
        classSize: vine.number().withoutDecimals().range([1, 60]),
        teacherIds: vine
          .array(vine.number().positive().withoutDecimals())
          .minLength(1)
          .maxLength(10)
          .distinct(),
      })
    )
    .minLength(1)
    .maxLength(5),
})

export const decisionValidator = vine.create({
  decision: vine.enum(['included', 'excluded'] as const),
  reason: vine.string().trim().maxLength(500).optional().requiredWhen('decision', '=', 'excluded'),
})
