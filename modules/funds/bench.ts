/*
| The funds module's bench door (`#modules/funds/bench`): the benchmark
| generator's loader and the payment and refund fixtures the in-app
| benchmark steps prepare before the clock starts. Seen only by bench/
| and bench code; `npm run boundaries` enforces who may import it.
*/
export { generateFunds, wipeFunds } from './bench/generate.js'
export { pendingPaymentsForBench, requestRefundForBench } from './bench/payment_fixtures.js'
