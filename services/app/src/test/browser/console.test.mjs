// The web console in a real browser (Debian's Chromium, headless, driven by playwright-core): a
// coordinator signs in with the keyboard, sees the work queue, opens a referral, accepts it and records
// attendance; staff then see the attendance in the engagement dashboard. Screenshots of each step go
// to $SCREENSHOTS. Run by ConsoleBrowserIT with the service's address and the referral to work.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL;
const taskId = process.env.TASK_ID;
const expectedAttended = Number(process.env.EXPECTED_ATTENDED);
const shots = process.env.SCREENSHOTS;
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu']
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => problems.push('page error: ' + error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.push('console: ' + message.text()); });
  page.on('response', (response) => { if (response.status() >= 400) problems.push(response.status() + ' ' + response.url()); });
  page.on('request', (request) => {
    if (!request.url().startsWith(base)) problems.push('left the service (no CDN, no internet): ' + request.url());
  });

  // signed out: one thing to do, reachable by keyboard
  await page.goto(base + '/');
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await checkLabels(page);
  await page.screenshot({ path: shots + '/01-signed-out.png', fullPage: true });
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Sign in', 'Sign in is the first control after the skip link');
  await page.keyboard.press('Enter');

  // the built-in issuer's form
  await page.getByLabel('User name').fill('coordinator');
  await page.getByLabel('Password').fill('dev-only-coordinator-password');
  await checkLabels(page);
  await page.screenshot({ path: shots + '/02-sign-in.png', fullPage: true });
  await page.getByRole('button', { name: 'Sign in' }).click();

  // back in the console with a token: the work queue
  await page.getByRole('heading', { name: 'Work queue' }).waitFor();
  await page.locator('#queue-table tbody tr').first().waitFor();
  assert.match(await page.locator('#who').textContent(), /^coordinator — coordinator/);
  await page.screenshot({ path: shots + '/03-work-queue.png', fullPage: true });

  // the referral: why these groups, then accept and record attendance
  await page.goto(base + '/#task/' + taskId);
  await page.getByRole('heading', { name: 'Referral — requested' }).waitFor();
  assert.ok(await page.locator('#task-matches li').count() > 0, 'the match explanation is shown');
  assert.ok(await page.locator('#task-matches .met').count() > 0, 'with the criteria met');
  assert.match(await page.locator('#task-preferences').textContent(), /;/, 'and what the person asked for (the message had answers)');
  await page.screenshot({ path: shots + '/04-referral.png', fullPage: true });
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('heading', { name: 'Referral — accepted' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Accepted.' }).waitFor();
  await page.getByRole('button', { name: 'Record attendance' }).click();
  await page.getByRole('heading', { name: 'Referral — in-progress' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Attendance recorded.' }).waitFor();
  assert.match(await page.locator('#task-facts').textContent(), /Event Completed/);
  await page.screenshot({ path: shots + '/05-attendance-recorded.png', fullPage: true });

  // staff: the dashboard counts it
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('User name').fill('staff');
  await page.getByLabel('Password').fill('dev-only-staff-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Engagement' }).waitFor();
  const attended = page.locator('#funnel table tr', { hasText: 'First meeting attended' }).locator('td');
  await attended.waitFor();
  assert.equal(Number(await attended.textContent()), expectedAttended, 'the dashboard counts the attendance just recorded');
  assert.ok(await page.locator('#weekly svg polyline').count() > 0, 'engagement by program over time is drawn');
  assert.equal(await page.getByRole('button', { name: 'Work queue' }).isVisible(), false, 'staff have no work queue');
  await checkLabels(page);
  await page.screenshot({ path: shots + '/06-dashboard.png', fullPage: true });

  assert.deepEqual(problems, []);
  console.log('console browser test passed; screenshots in ' + shots);
} finally {
  await browser.close();
}

/** Every form control has an accessible name. */
async function checkLabels(page) {
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input:not([type=hidden]), select, button')]
    .filter((element) => element.offsetParent !== null)
    .filter((element) => !(element.labels?.length || element.getAttribute('aria-label') || element.textContent.trim()))
    .map((element) => element.outerHTML));
  assert.deepEqual(unlabelled, [], 'controls without a label');
}
