import logger from '@adonisjs/core/services/logger'
import { unseal } from '#kernel/shared/personal_data'
import { sendSms } from '#modules/identity'
import type Complaint from '../models/complaint.js'

/** Tells the complainant by text that the case moved; a failed text never undoes the step. */
export async function notifyComplainant(complaint: Complaint, what: string) {
  try {
    await sendSms({
      phone: unseal(complaint.phoneCipher),
      subject: 'complaint_update',
      body: `【校外培训监管与服务平台】您的投诉 ${complaint.number} ${what}，请登录平台或凭查询码查看。`,
      secrets: [],
    })
  } catch (error) {
    logger.warn({ err: error, complaint: complaint.number }, 'complaint update text not sent')
  }
}

/** The case number and tracking code, texted to a complainant without an account so the case can be found again. */
export async function textTrackingCode(phone: string, number: string, code: string) {
  try {
    await sendSms({
      phone,
      subject: 'complaint_tracking',
      body: `【校外培训监管与服务平台】您的投诉已提交，编号 ${number}，查询码 ${code}。凭编号和查询码可查看办理进度。`,
      /* The log keeps the case number, never the code that opens the case. */
      secrets: [code],
    })
  } catch (error) {
    logger.warn({ err: error, complaint: number }, 'tracking code text not sent')
  }
}
