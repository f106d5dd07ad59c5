// Drives Parley's web page in headless Chromium, as a person would: opens
// it, waits for the shell's prompt in the terminal, presses the page's
// buttons or types, and waits for each command to finish.
//
//   node tools/web/drive.mjs URL STEPS.json OUT.json [SCREENSHOT.png]
//
// STEPS.json is a list of steps, each one of
//   {"type": "echo hi | cat"}      type a line at the shell (and Enter)
//   {"button": "demo_pipe"}        press the button that runs this command
//   {"key": "Ctrl-C"}              press the key button of this name
//   {"sleep": 1.5}                 wait this long (seconds)
//   {"reset": true}                press reset and wait for the shell again
// and, for the first three, "wait": "prompt" (the default: the command
// has finished when a new prompt line appears below it) or "none".
// OUT.json gets {bootSeconds, promptSeconds, stageSeconds, steps: [{seconds,
// bootSeconds, text}], text, errors}: the boot's time as the page measured
// it (from the emulator's start, and from the page's navigation), each
// step's time and the terminal's text after it, the final text and the
// page's errors.
// The test (tests/tools/test_web.py) and the benchmark figures in
// docs/web.md use it.  Chromium is Debian's, /usr/bin/chromium
// ($CHROMIUM overrides).
import { chromium } from "playwright-core";
import fs from "fs";

const [url, stepsFile, outFile, screenshot] = process.argv.slice(2);
const steps = JSON.parse(fs.readFileSync(stepsFile, "utf8"));
const TIMEOUT_MS = Number(process.env.PARLEY_WEB_TIMEOUT || 90) * 1000;

// Lines of the terminal that are prompts: "$ " and what was typed after it.
const countPrompts = text => text.split("\n").filter(l => l === "$" || l.startsWith("$ ")).length;

async function terminalText(page) {
    return page.evaluate(() => window.parley.text());
}

async function waitForPrompts(page, count, deadline) {
    while (Date.now() < deadline) {
        const text = await terminalText(page);
        if (countPrompts(text) >= count && /\n\$ ?$/.test("\n" + text.trimEnd() + " "))
            return text;
        await page.waitForTimeout(100);
    }
    throw new Error("no new prompt in time; the terminal says:\n" + await terminalText(page));
}

async function waitForShell(page) {
    await page.waitForFunction(() => window.parley && window.parley.stage === "shell",
                               null, { timeout: TIMEOUT_MS, polling: 100 });
}

async function runStep(page, step) {
    if (step.sleep) {
        await page.waitForTimeout(step.sleep * 1000);
        return;
    }
    if (step.reset) {
        await page.click("#reset");
        await waitForShell(page);
        return;
    }
    const before = countPrompts(await terminalText(page));
    if (step.type !== undefined)
        await page.evaluate(line => window.parley.type(line), step.type);
    else if (step.button !== undefined)
        await page.click(`button[data-run="${step.button}"]`);
    else if (step.key !== undefined)
        await page.getByRole("button", { name: step.key, exact: true }).click();
    if ((step.wait || "prompt") === "prompt")
        await waitForPrompts(page, before + 1, Date.now() + TIMEOUT_MS);
}

async function main() {
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
        headless: true,
        // root (CI) cannot use Chromium's sandbox
        args: ["--no-sandbox", "--disable-dev-shm-usage"],
    });
    const out = { bootSeconds: null, steps: [], text: "", errors: [] };
    let page = null;
    try {
        page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        page.on("pageerror", e => out.errors.push(String(e)));
        page.on("console", m => { if (m.type() === "error") out.errors.push(m.text()); });
        await page.goto(url);
        try {
            await waitForShell(page);
        } finally {
            out.text = await terminalText(page).catch(() => "");
        }
        Object.assign(out, await page.evaluate(() => ({
            bootSeconds: window.parley.bootSeconds,
            promptSeconds: window.parley.promptSeconds,
            stageSeconds: window.parley.stageSeconds })));
        for (const step of steps) {
            const start = Date.now();
            await runStep(page, step);
            out.steps.push({ seconds: (Date.now() - start) / 1000,
                             bootSeconds: await page.evaluate(() => window.parley.bootSeconds),
                             text: await terminalText(page) });
        }
        out.text = await terminalText(page);
    } catch (e) {
        out.failure = String(e.stack || e);
    } finally {
        // kept whether or not the steps went well: it shows what went wrong
        if (screenshot && page)
            await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
        await browser.close();
        fs.writeFileSync(outFile, JSON.stringify(out, null, 1));
    }
    process.exit(out.failure ? 1 : 0);
}

main();
