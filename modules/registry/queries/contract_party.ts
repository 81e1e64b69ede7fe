import Institution from '../models/institution.js'
import { loadFiling } from '../services/filing.js'

/**
 * The institution as a party to a standard contract (GF-2021-2604 lists
 * licence number and expiry, approving authority, ICP number for online
 * providers, unified social credit code) and its fund supervision.
 */
export interface ContractParty {
  id: number
  name: string
  creditCode: string | null
  delivery: 'offline' | 'online'
  regionCode: string
  provinceCode: string
  cityCode: string | null
  countyCode: string | null
  address: string | null
  legalRepName: string | null
  licenceNumber: string | null
  licenceAuthority: string | null
  licenceValidTo: string | null
  icpNumber: string | null
  website: string | null
  platformName: string | null
  supervisingBank: string | null
  supervisedAccount: string | null
  escrowModel: 'bank_custody' | 'risk_deposit' | null
  paymentChannels: string[]
  serviceChannels: { kind: string; value: string; location: string }[]
  venues: string[]
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null)

export async function contractParty(institutionId: number): Promise<ContractParty | null> {
  const institution = await Institution.find(institutionId)
  if (!institution) return null
  const { values } = await loadFiling(institution)
  return {
    id: institution.id,
    name: institution.name,
    creditCode: institution.creditCode,
    delivery: institution.delivery,
    regionCode: institution.regionCode,
    provinceCode: institution.provinceCode,
    cityCode: institution.cityCode,
    countyCode: institution.countyCode,
    address: institution.address,
    legalRepName: institution.legalRepName,
    licenceNumber: institution.licenceNumber,
    licenceAuthority: text(values.licenceAuthority),
    licenceValidTo: institution.licenceValidTo?.toISODate() ?? null,
    icpNumber: text(values.icpNumber),
    website: text(values.website),
    platformName: text(values.platformName),
    supervisingBank: text(values.supervisingBank),
    supervisedAccount: text(values.supervisedAccount),
    escrowModel: ['bank_custody', 'risk_deposit'].includes(values.escrowModel)
      ? values.escrowModel
      : null,
    paymentChannels: Array.isArray(values.paymentChannels) ? values.paymentChannels : [],
    serviceChannels: [...institution.serviceChannels],
    venues: (Array.isArray(values.venues) ? values.venues : [])
      .map((v: any) => text(v?.address))
      .filter((a: string | null): a is string => !!a),
  }
}
