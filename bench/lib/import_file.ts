/*
| A batch-import workbook in the registry's template (the headers come from
| the template the app serves, /manage/imports/template): a header row, a
| hint row, then one valid institution per row, spread over the counties
| of the importing bureau's region. Credit codes are new on every run, so
| every row creates an institution.
*/
import { randomInt } from 'node:crypto'
import ExcelJS from 'exceljs'
import { withCheckChar } from '#kernel/shared/credit_code'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const BRANDS = [
  '启明',
  '晨曦',
  '博雅',
  '知行',
  '青禾',
  '星河',
  '远航',
  '明德',
  '新苗',
  '智远',
  '童心',
  '墨香',
  '乐动',
]
const KINDS = [
  { suffix: '美术培训学校', categories: '文化艺术' },
  { suffix: '体育培训中心', categories: '体育' },
  { suffix: '科技创新培训学校', categories: '科技' },
  { suffix: '艺术培训学校', categories: '体育、文化艺术' },
]

function base31(n: number, width: number): string {
  let out = ''
  for (let i = 0; i < width; i++) {
    out = ALPHABET[n % 31] + out
    n = Math.floor(n / 31)
  }
  return out
}

function residentId(county: string, seq: number): string {
  const first17 = `${county}1985${String(1 + (seq % 12)).padStart(2, '0')}${String(1 + (seq % 28)).padStart(2, '0')}${String(seq % 1000).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0)
  return first17 + '10X98765432'[sum % 11]
}

export interface ImportFile {
  bytes: Buffer
  rows: number
  tag: string
}

export async function importWorkbook(
  headers: string[],
  counties: { code: string; name: string }[],
  rows: number
): Promise<ImportFile> {
  if (!counties.length) throw new Error('No county to import into')
  const tag = base31(randomInt(0, 31 ** 3), 3)
  const accountPrefix = String(randomInt(100_000, 1_000_000))
  const today = new Date()
  const until = `${today.getUTCFullYear() + 3}-06-30`
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('机构信息')
  sheet.addRow(headers)
  sheet.addRow(headers.map(() => '填写：示例'))
  const plain = headers.map((h) => h.replace(/^[*＊]/, ''))
  for (let i = 0; i < rows; i++) {
    const county = counties[i % counties.length]!
    const kind = KINDS[i % KINDS.length]!
    const brand = BRANDS[Math.floor(i / KINDS.length) % BRANDS.length]
    const values: Record<string, string | number> = {
      '机构名称': `${county.name}${brand}${kind.suffix}（批量导入${tag}-${i + 1}）`,
      '统一社会信用代码': withCheckChar(`52${county.code}${tag}${base31(i, 6)}`),
      '办学性质': '营利性',
      '办学形式': '线下',
      '所在区县': county.code,
      '办学地址': `${county.name}人民路 ${1 + (i % 300)} 号`,
      '法定代表人': '刘强',
      '法定代表人身份证号': residentId(county.code, i),
      '联系人': '刘强',
      '联系电话': `138${String(i % 100_000_000).padStart(8, '0')}`,
      '办学资质类型': '线下办学许可证',
      '办学许可证编号': `教民 ${county.code}${String(i).padStart(9, '0')} 号`,
      '审批机关': `${county.name}教育局`,
      '许可证有效期起': '2024-03-01',
      '许可证有效期至': until,
      '法人登记类型': '营业执照（企业）',
      '法人登记证书编号': `${county.code}${String(i).padStart(9, '0')}`,
      '登记机关': `${county.name}市场监督管理局`,
      '培训类别': kind.categories,
      '党组织建立情况': '筹建中',
      '培训材料管理制度': '教材由教研组审核后报区教育局备案',
      '资金监管银行': '中国工商银行',
      '监管账户账号': `62${accountPrefix}${String(i).padStart(10, '0')}`,
      '资金监管方式': '银行托管',
      '收费渠道': '微信支付、支付宝',
      '办学场地-办学地址': `人民路 ${1 + (i % 300)} 号 2 楼`,
      '办学场地-面积（平方米）': 260,
      '办学场地-场地权属': '自有',
      '客服渠道1': '0431-85550000',
      '客服渠道2': 'kefu@example.cn',
      '教学人员数': 8,
      '教研人员数': 1,
      '其他人员数': 2,
      '总面积（平方米）': 260,
      '教室数量': 5,
      '最大同时培训人数': 60,
      '安全设施与应急预案': '消防器材齐全，定期演练',
      '课程概况': '青少年篮球、足球、美术课程',
    }
    sheet.addRow(plain.map((h) => values[h] ?? ''))
  }
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), rows, tag }
}
