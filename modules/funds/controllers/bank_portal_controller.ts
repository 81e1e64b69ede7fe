import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { NotFoundException } from '#kernel/exceptions/not_found_exception'
import { ConfirmPassword, actingBankId, recordAudit, requestMeta } from '#modules/identity'
import { institutionSummaries } from '#modules/registry'
import Bank from '../models/bank.js'
import BankInstruction from '../models/bank_instruction.js'
import FundAnomaly from '../models/fund_anomaly.js'
import SupervisedAccount from '../models/supervised_account.js'
import BankPolicy from '../policies/bank_policy.js'
import { pageOf } from '../queries/orders.js'
import { newBankSecret } from '../services/supervised_accounts.js'

/** The bank the operator acts for (identity's guard: 404 when it acts for none). */
async function ownBank(ctx: HttpContext, ability: 'view' | 'rotateSecret' = 'view'): Promise<Bank> {
  const bank = await Bank.find(actingBankId(ctx))
  if (!bank) throw new NotFoundException()
  await ctx.bouncer.with(BankPolicy).authorize(ability, bank)
  return bank
}

/** The small bank view: accounts it supervises, instructions to execute, anomalies, and its API credentials. */
export default class BankPortalController {
  async accounts(ctx: HttpContext) {
    const bank = await ownBank(ctx)
    const accounts = await SupervisedAccount.query()
      .where('bankId', bank.id)
      .orderBy('id')
      .paginate(pageOf(ctx.request.input('page')), 20)
    accounts.baseUrl(ctx.request.url())
    return ctx.view.render('funds::bank/accounts', {
      bank,
      accounts,
      names: await institutionSummaries(accounts.all().map((a) => a.institutionId)),
    })
  }

  async instructions(ctx: HttpContext) {
    const bank = await ownBank(ctx)
    const status = ['sent', 'executed', 'rejected'].includes(ctx.request.input('status'))
      ? ctx.request.input('status')
      : 'sent'
    const instructions = await BankInstruction.query()
      .where('bankId', bank.id)
      .where('status', status)
      .orderBy('id', 'desc')
      .paginate(pageOf(ctx.request.input('page')), 50)
    instructions.baseUrl(ctx.request.url())
    instructions.queryString({ status })
    const ids = new Set(
      instructions
        .all()
        .flatMap((i) =>
          i.targetAccountId ? [i.supervisedAccountId, i.targetAccountId] : [i.supervisedAccountId]
        )
    )
    const accounts = new Map(
      (
        await SupervisedAccount.query()
          .whereIn('id', [...ids])
          .preload('bank')
      ).map((a) => [a.id, a])
    )
    return ctx.view.render('funds::bank/instructions', { bank, instructions, accounts, status })
  }

  async anomalies(ctx: HttpContext) {
    const bank = await ownBank(ctx)
    const anomalies = await FundAnomaly.query()
      .where('bankId', bank.id)
      .where('status', 'open')
      .orderBy('detectedAt', 'desc')
      .paginate(pageOf(ctx.request.input('page')), 20)
    anomalies.baseUrl(ctx.request.url())
    return ctx.view.render('funds::bank/anomalies', {
      bank,
      anomalies,
      names: await institutionSummaries(anomalies.all().map((a) => a.institutionId)),
    })
  }

  async credentials(ctx: HttpContext) {
    return ctx.view.render('funds::bank/credentials', { bank: await ownBank(ctx), secret: null })
  }

  /** A new secret replaces the old at once; it is shown this one time only. */
  async rotate(ctx: HttpContext) {
    const bank = await ownBank(ctx, 'rotateSecret')
    const user = ctx.auth.getUserOrFail()
    await new ConfirmPassword().handle(
      user,
      String(ctx.request.input('password') ?? ''),
      requestMeta(ctx),
      'funds.bank_secret_rotated'
    )
    const fresh = newBankSecret()
    bank.merge({ apiSecretCipher: fresh.cipher, secretRotatedAt: DateTime.now() })
    await bank.save()
    await recordAudit({
      action: 'funds.bank_secret_rotated',
      actor: user,
      subjectType: 'bank',
      subjectId: bank.id,
      regionCode: bank.regionCode,
    })
    ctx.response.header('cache-control', 'no-store')
    return ctx.view.render('funds::bank/credentials', { bank, secret: fresh.secret })
  }
}
