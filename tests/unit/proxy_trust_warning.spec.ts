import { test } from '@japa/runner'
import { shouldWarnUntrustedForwarding } from '#middleware/proxy_trust_warning_middleware'

test.group('A forwarded address the deployment does not trust', () => {
  test('is logged once when no proxy is trusted, never when one is or the header is absent', ({
    assert,
  }) => {
    assert.isTrue(shouldWarnUntrustedForwarding('203.0.113.9', undefined, false))
    assert.isTrue(shouldWarnUntrustedForwarding('203.0.113.9', '  ', false))
    assert.isFalse(
      shouldWarnUntrustedForwarding('203.0.113.9', undefined, true),
      'once per process'
    )
    assert.isFalse(shouldWarnUntrustedForwarding('203.0.113.9', '10.0.0.0/8', false))
    assert.isFalse(shouldWarnUntrustedForwarding(undefined, undefined, false))
    assert.isFalse(shouldWarnUntrustedForwarding('', undefined, false))
  })
})
