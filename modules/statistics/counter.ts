/*
| The contract of a module's institution counters: what statistics sums
| into its rollups. Registry, funds and complaints each implement it once
| and export it from their index.ts (`registryCounter`, `fundsCounter`,
| `complaintsCounter`).
|
| It is declared here, by its user, but those modules sit below statistics
| in the dependency graph and may not import it (that would be a cycle).
| So it is a structural type: each module's counter only has this shape,
| and `services/counters.ts` lists them as `Counter[]`, so a counter that
| drifts from the contract fails the type check here.
*/

/** One figure of one institution, in the region where its records live. */
export interface CounterRow {
  /** 0 for records tied to no filed institution (a complaint about an unlicensed provider). */
  institutionId: number
  /** Where the records live: a county, or a province for online institutions. */
  regionCode: string
  metric: string
  /** A count, or fen for money; always a safe integer. */
  value: number
}

export interface CounterScope {
  regionCodes?: string[]
  institutionIds?: number[]
  /** The institution's own view: leave out what it must never see (tip-offs about it). */
  institutionView?: boolean
}

export interface Counter {
  /** The module whose records these are. */
  readonly module: string
  /** Every figure of the scope (everything when omitted), in set-based SQL. */
  count(scope?: CounterScope): Promise<CounterRow[]>
  /** Regions whose records changed since a moment, for changes that raise no event. */
  regionsChangedSince(since: Date): Promise<string[]>
}
