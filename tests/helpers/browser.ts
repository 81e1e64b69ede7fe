import type { Page } from 'playwright'

/* Steps several browser journeys share. */

export async function signIn(
  page: Page,
  base: string,
  account: { signIn: string; password: string | null }
) {
  await page.goto(new URL('/login', base).toString())
  await page.locator('#field-identifier').fill(account.signIn)
  await page.locator('#field-password').fill(account.password!)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/** From a course page: fill the student, read the contract, confirm with the password, sign. */
export async function signContract(
  page: Page,
  input: {
    studentIdNumber: string
    grade: string
    password: string
    beforeSigning?: () => Promise<void>
  }
) {
  await page.getByTestId('sign-contract').click()
  await page.getByLabel('学员姓名').fill('王小明')
  await page.getByLabel('学员身份证号').fill(input.studentIdNumber)
  await page.getByLabel('就读学校').fill('长春市朝阳区解放大路小学')
  await page.locator('#field-studentGrade').selectOption(input.grade)
  await page.locator('#field-guardianRelation').selectOption('mother')
  await page.getByTestId('preview-contract').click()
  await page.getByTestId('contract-body').waitFor()
  await input.beforeSigning?.()
  await page.getByTestId('agree').check()
  await page.getByLabel('登录密码').fill(input.password)
  await page.getByTestId('sign-submit').click()
  await page.waitForURL(/\/parent\/contracts\/\d+$/)
}
