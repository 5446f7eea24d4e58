// The page in chromium, as an editor uses it: paste seed draft 003 and see the unclosed quotation
// mark marked and who said what; open the five seed drafts as one story and see the Lavrov title
// and spelling discrepancies side by side; every mark covers exactly the bytes the API reported
// (byte offsets against UTF-16 strings, with the seeds' curly quotes and dashes); the keyboard
// reaches the findings; a narrow window does not scroll sideways.
// Usage: PLAYWRIGHT_CORE=… node page.test.cjs URL OUTPUT_FOLDER SEEDS_FOLDER
"use strict";
const { chromium } = require(process.env.PLAYWRIGHT_CORE);
const fs = require("fs");
const os = require("os");
const path = require("path");
const assert = require("assert");

const [url, out, seeds] = process.argv.slice(2);
const seedFiles = fs.readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(seeds, f));
const seed003 = seedFiles.find((f) => path.basename(f).startsWith("003_"));
let passed = 0;
let failed = 0;

async function step(name, run) {
  try {
    await run();
    passed++;
    console.log(`ok ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}\n${error.stack || error}`);
  }
}

// What the API reported for one draft, and the bytes each diagnostic covers.
async function apiFindings(text) {
  const response = await fetch(new URL("/api/check", url), {
    method: "POST",
    body: JSON.stringify({ text, filename: "draft.txt" }),
  });
  const found = await response.json();
  const bytes = Buffer.from(text, "utf8");
  return found.map((d) => ({ ...d, covered: bytes.subarray(d.start, d.end).toString("utf8") }));
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "newslint-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 1200, height: 860 },
  });
  const page = context.pages()[0] || (await context.newPage());
  const elsewhere = [];
  const errors = [];
  page.on("request", (r) => { if (!r.url().startsWith(url)) elsewhere.push(r.url()); });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

  await step("the page loads from the server alone, with no errors", async () => {
    const started = Date.now();
    await page.goto(url, { waitUntil: "load" });
    console.log(`  page load: ${Date.now() - started} ms`);
    assert.strictEqual(await page.title(), "newslint");
    await page.waitForSelector("textarea.text");
    assert.deepStrictEqual(elsewhere, []);
    assert.deepStrictEqual(errors, []);
  });

  const text003 = fs.readFileSync(seed003, "utf8");
  await step("seed 003 pasted and checked from the keyboard: the unclosed “ is marked", async () => {
    await page.fill("textarea.text", text003);
    await page.focus("textarea.text");
    await page.keyboard.press("Control+Enter");
    const mark = page.locator('.copy mark[data-codes~="NL002"]').first();
    await mark.waitFor();
    assert.strictEqual(await mark.textContent(), "“");
    assert.match(await mark.getAttribute("class"), /sev-warning/);
    assert.match(await mark.getAttribute("title"), /never closed/);
    await mark.click();
    const detail = page.locator(".view .detail");
    assert.match(await detail.textContent(), /NL002 unbalanced-quote/);
    assert.match(await detail.textContent(), /Help: Close the quotation/);
  });

  await step("every mark covers exactly the text the API's byte offsets give", async () => {
    const found = (await apiFindings(text003)).filter((d) => d.end > d.start);
    const buttons = page.locator(".finding-list button");
    assert.strictEqual(await buttons.count(), (await apiFindings(text003)).length);
    const shown = await page.$$eval(".finding-list button", (list) =>
      list.map((b) => [...document.querySelectorAll(`.copy mark[data-findings~="${b.dataset.finding}"]`)].map((m) => m.textContent).join("")),
    );
    const all = await apiFindings(text003);
    all.forEach((d, k) => { if (d.end > d.start) assert.strictEqual(shown[k], d.covered, `${d.code} at ${d.start}`); });
    // Curly quotes and dashes before the unclosed mark: its byte offset is not its UTF-16 index.
    const unclosed = found.find((d) => d.code === "NL002");
    assert.ok(Buffer.from(text003).subarray(0, unclosed.start).toString().length < unclosed.start);
  });

  await step("who said what: the attribution table, and a row found in the copy", async () => {
    const rows = page.locator(".attributions tbody tr");
    assert.ok((await rows.count()) >= 3);
    const lavrov = rows.filter({ hasText: "Lavrov" }).first();
    await lavrov.waitFor();
    const cue = (await lavrov.locator("td").nth(1).textContent()).trim();
    await lavrov.focus();
    await page.keyboard.press("Enter");
    assert.strictEqual(await lavrov.getAttribute("aria-selected"), "true");
    const marked = await page.$$eval(".copy mark.attr-cue", (m) => m.map((x) => x.textContent).join(""));
    assert.strictEqual(marked, cue);
    await page.screenshot({ path: path.join(out, "one-draft.png") });
  });

  await step("a finding chosen from the list by keyboard is shown and focused in the copy", async () => {
    const button = page.locator('.finding-list button[data-code="NL002"]');
    await button.focus();
    await page.keyboard.press("Enter");
    assert.strictEqual(await button.getAttribute("aria-current"), "true");
    const focused = await page.evaluate(() => document.activeElement.tagName + ":" + document.activeElement.textContent);
    assert.strictEqual(focused, "MARK:“");
  });

  await step("the five seeds opened as one story: Lavrov's title and spelling side by side", async () => {
    await page.fill("textarea.text", ""); // the pasted draft cleared: opened files take its place
    await page.setInputFiles("#open", seedFiles);
    await page.waitForFunction(() => document.querySelectorAll("#drafts .draft").length === 5);
    await page.click("#check");
    const spelling = page.locator('#discrepancies li[data-code="NL103"]').first();
    await spelling.waitFor();
    assert.match(await spelling.textContent(), /Sergei Lavrov.*Sergey Lavrov/s);
    const title = page.locator('#discrepancies li[data-code="NL104"]').filter({ hasText: "Lavrov" }).first();
    assert.match(await title.textContent(), /Foreign Minister.*Foreign Secretary/s);
    for (const d of [spelling, title]) {
      const sides = await d.locator(".side .where").allTextContents();
      assert.ok(sides.length >= 2, "two places side by side");
      assert.ok(new Set(sides.map((s) => s.split(" — ")[0])).size >= 2, `two drafts: ${sides}`);
    }
    assert.strictEqual(await page.locator(".view").count(), 5);
    await page.locator("#discrepancies").screenshot({ path: path.join(out, "story.png") });
    await spelling.locator(".side").first().click();
    const detail = page.locator(".view .detail:not([hidden])").first();
    assert.match(await detail.textContent(), /NL103 name-variant/);
  });

  await step("a narrow window does not scroll sideways", async () => {
    await page.setViewportSize({ width: 380, height: 800 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 380, `the page is ${wide}px wide`);
    await page.screenshot({ path: path.join(out, "narrow.png") });
    assert.deepStrictEqual(errors, []);
  });

  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  console.log(`screenshots in ${out}`);
  console.log(`web: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((error) => {
  console.log(`FAIL ${error.stack || error}`);
  console.log(`web: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
