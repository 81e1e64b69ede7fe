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
