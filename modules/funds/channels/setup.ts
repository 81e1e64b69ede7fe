import { createHmac } from 'node:crypto'
import env from '#start/env'
import { registerChannel } from './channel.js'
import { SandboxChannel, type SandboxSettings } from './sandbox_channel.js'

export const SANDBOX_MERCHANT = 'xiaowai'

/** The sandbox's address and shared secret, as both the platform and `node ace funds:sandbox` read them. */
export function sandboxSettings(): SandboxSettings {
  return {
    url: env.get('PAYMENT_SANDBOX_URL') ?? 'http://127.0.0.1:3340',
    merchantId: SANDBOX_MERCHANT,
    secret:
      env.get('PAYMENT_SANDBOX_SECRET') ??
      createHmac('sha256', env.get('APP_KEY').release()).update('payment-sandbox').digest('hex'),
  }
}

export const sandboxChannel = new SandboxChannel(sandboxSettings())

export function registerChannels() {
  registerChannel(sandboxChannel)
}
