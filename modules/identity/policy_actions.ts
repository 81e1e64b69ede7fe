/*
| The policy action identity offers to provincial plugins' policies: a
| text reminding an institution's accounts of something.
|
| The policy run does not text anyone itself. In the run's transaction it
| writes one outbox event per account and an audit entry naming the plugin
| and policy, so a policy that throws afterwards queues no text. Once the
| run commits, the outbox drain sends each text through the notifier every
| module uses (sendSmsToAccount, logged in `notifications`); a text whose
| delivery fails is retried with back-off. Delivery is at least once: a
| drain that dies after the gateway accepted a text but before marking it
| delivered sends that text again.
*/
import type { EmitterService } from '@adonisjs/core/types'
import { publish } from '#kernel/shared/outbox'
import {
  type PolicyRun,
  PolicyActionRefused,
  providePolicyAction,
  requireNamedByEvent,
} from '#kernel/plugins/policies'
import User from './models/user.js'
import { recordAudit } from './services/audit_log.js'
import { sendSmsToAccount } from './services/text_account.js'

/** Characters of a reminder's message: one text with the platform's signature and the plugin's name. */
export const REMINDER_MAX_LENGTH = 100

export interface PolicyReminderInput {
  /** Must be the institution the event is about (its `institutionId`). */
  institutionId: number
  /** 4–100 characters on one line, zh-CN; no personal data (it is kept in the notifications log). */
  message: string
}

/** One reminder text for one account, sent after the policy run has committed. */
export interface ReminderDueEvent {
  userId: number
  body: string
  regionCode: string
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    /** Internal: a plugin policy's reminder to one account (see policy_actions.ts). */
    'identity:reminder_due': ReminderDueEvent
  }
}

declare module '#plugin_sdk' {
  interface PolicyActions {
    /**
     * Texts a reminder to every active account of the institution the
     * event names (its owner and staff accounts), signed with your
     * plugin's name, after the run commits. An institution without an
     * active account gets nothing; the audit entry says so.
     */
    sendReminder(input: PolicyReminderInput): Promise<void>
  }
}

const refuse = (run: PolicyRun, message: string): never => {
  throw new PolicyActionRefused(`${run.pluginId}/${run.policyId}: ${message}`)
}

/** A policy run has no account: its plugin's name, without the policy id the kernel appends. */
function pluginNameOf(run: PolicyRun): string {
  const suffix = ` · ${run.policyId}`
  return run.actorLabel.endsWith(suffix) ? run.actorLabel.slice(0, -suffix.length) : run.actorLabel
}

providePolicyAction('sendReminder', (run) => async (input) => {
  if (!Number.isSafeInteger(input.institutionId)) {
    refuse(run, 'institutionId must be an institution id')
  }
  requireNamedByEvent(run, input.institutionId, ['institutionId'])
  const message = typeof input.message === 'string' ? input.message.trim() : ''
  const length = [...message].length
  if (length < 4 || length > REMINDER_MAX_LENGTH || /[\r\n]/.test(message)) {
    refuse(run, `message must be one line of 4 to ${REMINDER_MAX_LENGTH} characters`)
  }
  const accounts = await User.query({ client: run.trx })
    .where('orgType', 'institution')
    .where('orgId', input.institutionId)
    .where('status', 'active')
    .orderBy('id')
    .select('id')
  const body = `【校外培训监管与服务平台】${pluginNameOf(run)}提醒：${message}`
  for (const account of accounts) {
    await publish(run.trx, 'identity:reminder_due', {
      userId: account.id,
      body,
      regionCode: run.region,
    })
  }
  await recordAudit(
    {
      action: 'identity.reminder_queued',
      actorLabel: run.actorLabel,
      subjectType: 'institution',
      subjectId: input.institutionId,
      regionCode: run.region,
      summary: accounts.length
        ? `提醒机构 ${accounts.length} 个账号`
        : '机构没有可用账号，提醒未发出',
      details: { accounts: accounts.length, message, policyRunId: run.id },
    },
    run.trx
  )
})

/** Sends each queued reminder (called once the application has started, by the identity provider). */
export function deliverReminders(emitter: EmitterService) {
  emitter.on('identity:reminder_due', async ({ userId, body }) => {
    /* False when the account lost its phone or was disabled since: nothing to send. */
    await sendSmsToAccount(userId, { subject: 'plugin_reminder', body })
  })
}
