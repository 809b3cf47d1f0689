// pa11y with HTML_CodeSniffer (WCAG 2 AA) over the addresses given as arguments, in Debian's
// Chromium (never a browser downloaded by Puppeteer): one browser for all pages, one JSON line per
// page on stdout: {"url", "issues": [{code, type, message, selector, context}]}. Used by
// tests/test_pa11y.py; `node tests/pa11y_run.mjs URL…` runs it by hand.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});
let failed = false;
try {
  for (const url of process.argv.slice(2)) {
    const page = await browser.newPage();
    try {
      const result = await pa11y(url, {
        browser, page, standard: "WCAG2AA", runners: ["htmlcs"], includeNotices: false, includeWarnings: false,
        timeout: 60000, viewport: { width: 1280, height: 900 },
      });
      const issues = result.issues.map(({ code, type, message, selector, context }) =>
        ({ code, type, message, selector, context: (context || "").slice(0, 200) }));
      process.stdout.write(JSON.stringify({ url, issues }) + "\n");
    } catch (error) {
      failed = true;
      process.stdout.write(JSON.stringify({ url, error: String(error) }) + "\n");
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
