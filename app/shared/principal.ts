/*
| What the kernel needs to know about the signed-in person to draw the
| shell: which terminals they may open and where their home is. The
| identity module's CurrentUser fulfils this contract.
*/
export const TERMINALS = ['parent', 'institution', 'management', 'bank'] as const
export type Terminal = (typeof TERMINALS)[number]

export interface Principal {
  id: number
  displayName: string
  terminals: readonly Terminal[]
  homePath: string
}
