/* Extension points the credit module offers to provincial plugins (see modules/identity/extension_points.ts). */
export {}

/* Risk warnings (Art. 17): thresholds per indicator, defined in risk/thresholds.ts. */
import type { RiskThresholdInput, RiskThresholds } from './risk/thresholds.js'

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * When an indicator of an institution's risk (Art. 17) warns, and at
     * which level: for each indicator its yellow, orange and red
     * thresholds and whether it is on; and how long a warning may stay
     * unlifted before the bureau is urged and before it goes public.
     *
     * @asked Each time an institution's risk is evaluated: within seconds
     * of a payment, refund, anomaly, complaint, finding or list change
     * about it, and for every institution each night.
     * @region The institution's region (its county; an online
     * institution's own region code).
     * @decides Which warnings are raised, moved to another level or lifted
     * (a value back under its threshold lifts it), and when a warning
     * unlifted since its reminder urges the responsible bureau and then
     * becomes a public risk notice. An answer out of range (negative,
     * levels out of order) fails with a message naming the indicator.
     * @national Coverage below 100 / 80 / 50 %; prepaid fees at 100 / 150
     * / 200 % of capacity; last week's sales at 300 / 500 / 1000 % of the
     * weekly average; refunds and disputes, and complaints, at 5 / 10 / 20
     * per 100 active orders; overdue answers 1 / 3 / 5; overdue
     * rectifications 1 / 2 / 3; licence fewer than 31 / 8 / 1 days left;
     * any banned staff red; open fund anomalies 1 / 2 / 3; the bureau
     * urged after 5 working days, a public notice 10 after that (sources
     * in modules/credit/risk/thresholds.ts).
     */
    'credit.risk.indicators': {
      kind: 'value'
      input: RiskThresholdInput
      output: RiskThresholds
    }
  }
}
