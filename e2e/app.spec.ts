import { expect, test } from '@playwright/test';

test('the built app loads in Chromium, titled and cross-origin isolated', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Tracewell');
  await expect(page.getByRole('heading', { name: 'Tracewell' })).toBeVisible();
  // COOP/COEP from vite preview: onnxruntime-web needs this for threads.
  await expect(page.getByTestId('isolation')).toHaveText('cross-origin isolated');
});
