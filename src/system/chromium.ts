/** Debian's chromium (`chromium` + `fonts-noto-cjk`), driven by playwright-core — never a downloaded browser. */
import type { Browser } from 'playwright-core';

/** Launch it headless, with nothing running in the background to skew what is timed or tested. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
