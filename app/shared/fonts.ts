/*
| Chinese fonts for documents the platform renders (code plates, signed
| contracts): Noto Sans SC (SIL Open Font Licence), installed from npm so
| every machine renders the same glyphs, whatever fonts it has.
*/
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export const CJK_FONT_FAMILY = 'Noto Sans SC'

export const CJK_FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
}

let regularBytes: Promise<Buffer> | null = null

/**
 * The regular weight cut down to the characters of `text` (HarfBuzz's
 * subsetter), small enough to embed whole in a PDF. pdf-lib's own
 * subsetting drops CJK glyphs, so documents embed this instead.
 */
export async function cjkSubset(text: string): Promise<Buffer> {
  const { readFile } = await import('node:fs/promises')
  const { default: subsetFont } = await import('subset-font')
  regularBytes ??= readFile(CJK_FONTS.regular)
  return subsetFont(await regularBytes, text, { targetFormat: 'sfnt' })
}
