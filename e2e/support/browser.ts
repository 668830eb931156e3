import { type Browser, chromium, type Page } from 'playwright-core'

/** Debian's Chromium, headless, with the flags this closed network needs. Never downloads a browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CRM_CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.locator('#login_email').fill(email)
  await page.locator('#login_password').fill(password)
  await page.locator('form#login button[type="submit"]').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}
