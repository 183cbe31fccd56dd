import { chromium } from "playwright-core";
const [,, base, user, ...steps] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
if (user) { await page.goto(base + "/login"); await page.fill("#username", user); await page.fill("#password", "demo1234"); await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("button[type=submit]")]); }
for (const step of steps) {
  const [kind, arg, name] = step.split("|");
  if (kind === "goto") await page.goto(base + arg);
  if (kind === "click") await page.click(arg);
  if (kind === "shot") await page.screenshot({ path: `/tmp/shots/${arg}.png`, fullPage: name === "full" });
  if (kind === "eval") console.log(await page.evaluate(arg));
}
await browser.close();
