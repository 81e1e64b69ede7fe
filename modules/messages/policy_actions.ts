/*
| The policy action messages offers to provincial plugins' policies: a
| reminder to an institution's accounts, in their inbox and by text.
|
| The policy run does not text anyone itself: in the run's transaction it
| queues one message per account (modules/messages/services/queue_text.ts)
| and an audit entry naming the plugin and policy, so a policy that throws
| afterwards leaves neither. Once the run commits, the outbox delivers each
| text, retried with back-off when the provider fails; the message key (the
| run and the account) makes a rerun of the policy text nobody twice.
*/
import { createHash } from 'node:crypto'
import {
  type PolicyRun,
  PolicyActionRefused,
  providePolicyAction,
  requireNamedByEvent,
} from '#kernel/plugins/policies'
import { accountsActingFor, recordAudit } from '#modules/identity'
import { queueText } from './services/queue_text.js'
import { templateOf } from './templates.js'

/** Characters of a reminder's message: the template's variable (one text with the sign name and the plugin's name). */
export const REMINDER_MAX_LENGTH = templateOf('reminder').params.find((p) => p.name === 'what')!.max

export interface PolicyReminderInput {
  /** Must be the institution the event is about (its `institutionId`). */
  institutionId: number
  /** 4–100 characters on one line, zh-CN; no personal data (the inbox and the text log keep it). */
  message: string
}

declare module '#plugin_sdk' {
  interface PolicyActions {
    /**
     * Reminds every active account of the institution the event names (its
     * owner and staff accounts) in their inbox and by text, signed with your
     * plugin's name, after the run commits. An institution without an
     * active account gets nothing; the audit entry says so.
     */
    sendReminder(input: PolicyReminderInput): Promise<void>
  }
}

const refuse = (run: PolicyRun, message: string): never => {
  throw new PolicyActionRefused(`${run.pluginId}/${run.policyId}: ${message}`)
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
  const accounts = await accountsActingFor('institution', input.institutionId, run.trx)
  const from = run.pluginName.slice(0, templateOf('reminder').params[0]!.max)
  for (const userId of accounts) {
    await queueText(
      {
        kind: 'reminder',
        to: { userId },
        params: { from, what: message },
        /* One reminder per run and message: a retried run texts nobody twice, a second reminder still goes. */
        key: `policy_run:${run.id}:${createHash('sha256').update(message).digest('hex').slice(0, 16)}`,
        link: '/institution',
      },
      run.trx
    )
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
