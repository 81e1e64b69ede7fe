import { defineSettings } from '#plugin_sdk'

/*
| What Jilin's education department may change at /manage/plugins without
| a deploy. The defaults are the numbers of 吉教联〔2019〕75号; a revised
| notice changes them here, and the change holds for the next course
| checked.
*/
export const jilinSettings = defineSettings({
  maxClassMinutes: {
    type: 'number',
    label: { 'zh-CN': '线上课程每节课最长时长', 'en': 'Longest online class' },
    hint: {
      'zh-CN': '吉教联〔2019〕75号 二（二）1②：每节课持续时间不超过 40 分钟。',
      'en': 'JJL [2019] No. 75, II(2)1②: a class lasts at most 40 minutes.',
    },
    unit: { 'zh-CN': '分钟', 'en': 'minutes' },
    default: 40,
    min: 20,
    max: 60,
  },
})
