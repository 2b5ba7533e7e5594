/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Drives n8n's editor in headless Debian Chromium (puppeteer-core; it never downloads a
 * browser). Elements are found the way a person finds them: by visible text, by role, and by
 * the data-test-id attributes n8n puts on its own controls. Every wait is for a visible state.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';

const ROOT = path.resolve(__dirname, '..', '..');
/** Where a failing step leaves its screenshot and the browser console log (git-ignored). */
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'editor');
export const DOCS_IMAGES = path.join(ROOT, 'docs', 'images');

const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/** Debian's chromium (scripts/browser.sh installs it with apt-get when it is missing). */
export function chromiumPath(): string {
	return execFileSync('bash', [path.join(ROOT, 'scripts', 'browser.sh'), 'path'], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();
}

/**
 * Runs in the page (puppeteer sends its source, so it uses nothing from this module). With
 * kind "button": the first enabled button (or role="button") under `scopeSelector` whose whole
 * text matches. With kind "text": under the first root of `scopeSelector` that has one, the
 * innermost element whose whole text matches. Only shown elements count: with a size and fully
 * inside the window horizontally, since n8n slides panels in (the node creator's actions) and an
 * element still sliding has no clickable point yet.
 */
function findShown(
	scopeSelector: string,
	source: string,
	flags: string,
	kind: string,
): Element | null {
	const matcher = new RegExp(source, flags);
	const shownWithText = (element: Element) => {
		const box = element.getBoundingClientRect();
		return (
			box.width > 0 &&
			box.height > 0 &&
			box.left >= 0 &&
			box.right <= window.innerWidth &&
			getComputedStyle(element).visibility !== 'hidden' &&
			matcher.test(((element as HTMLElement).innerText ?? '').trim())
		);
	};
	if (kind === 'button') {
		const candidates = [
			...document.querySelectorAll(`${scopeSelector} button, ${scopeSelector} [role="button"]`),
		];
		return (
			candidates.find(
				(element) => shownWithText(element) && !(element as HTMLButtonElement).disabled,
			) ?? null
		);
	}
	for (const root of [...document.querySelectorAll(scopeSelector)]) {
		const matches = [...root.querySelectorAll('*')].filter(shownWithText);
		const innermost = matches.find(
			(element) => !matches.some((other) => other !== element && element.contains(other)),
		);
		if (innermost) return innermost;
	}
	return null;
}

export class Editor {
	readonly consoleLog: string[] = [];
	private profile = '';
	browser!: Browser;
	page!: Page;

	constructor(readonly baseUrl: string) {}

	async launch(): Promise<void> {
		this.profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ats-chromium-'));
		this.browser = await puppeteer.launch({
			executablePath: chromiumPath(),
			headless: true,
			args: [...CHROMIUM_FLAGS, `--user-data-dir=${this.profile}`],
			defaultViewport: { width: 1440, height: 900 },
		});
		this.page = (await this.browser.pages())[0] ?? (await this.browser.newPage());
		this.page.setDefaultTimeout(30_000);
		const stamp = () => new Date().toISOString();
		this.page.on('console', (message) =>
			this.consoleLog.push(`${stamp()} ${message.type()}: ${message.text()}`),
		);
		// Leaving a page with unsaved changes (a step that failed halfway) asks "Leave site?": a
		// person leaves, so the next step's navigation is not held up by the prompt.
		this.page.on('dialog', (dialog) => {
			this.consoleLog.push(`${stamp()} dialog ${dialog.type()}: ${dialog.message()}`);
			if (dialog.type() === 'beforeunload') void dialog.accept().catch(() => undefined);
		});
		this.page.on('pageerror', (error) =>
			this.consoleLog.push(`${stamp()} pageerror: ${(error as Error).message}`),
		);
		this.page.on('requestfailed', (request) => {
			// Only this n8n: the editor's calls to n8n's own servers fail here by design (no network).
			if (request.url().startsWith(this.baseUrl))
				this.consoleLog.push(`${stamp()} requestfailed: ${request.url()}`);
		});
	}

	async close(): Promise<void> {
		await this.browser?.close().catch(() => undefined);
		if (this.profile) fs.rmSync(this.profile, { recursive: true, force: true });
	}

	/** The sign-in form, as a person fills it. */
	async signIn(email: string, password: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.fill('input[name="emailOrLdapLoginId"]', email);
		await this.fill('input[name="password"]', password);
		await this.clickButton('Sign in');
		await this.page.waitForFunction(() => !location.pathname.startsWith('/signin'));
	}

	testId(id: string): string {
		return `[data-test-id="${id}"]`;
	}

	async visible(selector: string, timeout?: number): Promise<ElementHandle<Element>> {
		const handle = await this.page.waitForSelector(selector, { visible: true, timeout });
		if (!handle) throw new Error(`${selector} not visible`);
		return handle;
	}

	async hidden(selector: string, timeout?: number): Promise<void> {
		await this.page.waitForSelector(selector, { hidden: true, timeout });
	}

	/**
	 * The innermost visible element inside `scope` whose whole text is `text` (a string for an
	 * exact match, a RegExp for a pattern).
	 */
	async byText(
		text: string | RegExp,
		scope = 'body',
		timeout?: number,
	): Promise<ElementHandle<Element>> {
		const pattern =
			typeof text === 'string'
				? { source: `^${escapeRegExp(text)}$`, flags: '' }
				: { source: text.source, flags: text.flags };
		const handle = await this.page.waitForFunction(
			findShown,
			{ timeout },
			scope,
			pattern.source,
			pattern.flags,
			'text',
		);
		return handle as ElementHandle<Element>;
	}

	/** Clicks a text; if n8n re-rendered it between finding and clicking, finds it again. */
	async clickText(text: string | RegExp, scope = 'body'): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			try {
				await (await this.byText(text, scope)).click();
				return;
			} catch (error) {
				if (
					attempt === 3 ||
					!/not clickable|detached|not an Element/i.test((error as Error).message)
				)
					throw error;
			}
		}
	}

	/** A button (role or element) by its visible label. */
	async clickButton(label: string | RegExp, scope = 'body'): Promise<void> {
		const source = typeof label === 'string' ? `^${escapeRegExp(label)}$` : label.source;
		const button = await this.page.waitForFunction(findShown, {}, scope, source, '', 'button');
		await (button as ElementHandle<Element>).click();
	}

	/** Waits until the text of `selector` matches. */
	async waitForText(selector: string, pattern: RegExp, timeout?: number): Promise<string> {
		await this.page.waitForFunction(
			(sel: string, source: string, flags: string) => {
				const element = document.querySelector(sel) as HTMLElement | null;
				return element !== null && new RegExp(source, flags).test(element.innerText);
			},
			{ timeout },
			selector,
			pattern.source,
			pattern.flags,
		);
		return this.text(selector);
	}

	async text(selector: string): Promise<string> {
		return this.page.$eval(selector, (element) => (element as HTMLElement).innerText);
	}

	/**
	 * The text of `selector` read from top to bottom, as a person scrolls through it: n8n renders
	 * long lists (the output panel's JSON view) virtually, only the rows in view, so a long item's
	 * last fields are in the page only once scrolled to. Scrolls its scrollable part (the one with
	 * the most to scroll) a screenful at a time, waiting two frames for each re-render, joins what
	 * each position showed, and scrolls back to the top. Without a scrollable part: its text.
	 */
	async textScrolledThrough(selector: string): Promise<string> {
		return this.page.evaluate(async (rootSelector: string) => {
			const root = document.querySelector(rootSelector) as HTMLElement | null;
			if (!root) return '';
			const scrollables = [root, ...root.querySelectorAll<HTMLElement>('*')].filter(
				(element) =>
					element.scrollHeight > element.clientHeight + 1 &&
					/auto|scroll/.test(getComputedStyle(element).overflowY),
			);
			const scroller = scrollables.sort(
				(a, b) => b.scrollHeight - b.clientHeight - (a.scrollHeight - a.clientHeight),
			)[0];
			if (!scroller) return root.innerText;
			const rendered = () =>
				new Promise<void>((resolve) =>
					requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
				);
			const step = Math.max(1, Math.floor(scroller.clientHeight * 0.8));
			const parts: string[] = [];
			for (let top = 0, screens = 0; screens < 500; top += step, screens++) {
				scroller.scrollTop = top;
				await rendered();
				parts.push(root.innerText);
				if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
			}
			scroller.scrollTop = 0;
			await rendered();
			return parts.join('\n');
		}, selector);
	}

	/**
	 * Types into a field and reads it back. n8n re-renders some fields while one types (a
	 * credential form re-mounts its input when the previous test result disappears), which can
	 * swallow keystrokes; a person would see that and type again, so this does too.
	 */
	async fill(selector: string, value: string): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			const input = await this.visible(selector);
			await input.click({ count: 3 });
			await input.press('Backspace');
			await (await this.visible(selector)).type(value);
			const now = await this.page.$eval(selector, (element) => (element as HTMLInputElement).value);
			if (now === value) return;
			if (attempt === 3)
				throw new Error(
					`${selector} holds ${JSON.stringify(now.length)} characters after typing ${value.length}`,
				);
		}
	}

	/**
	 * An option of an open n8n select (its headline, not its description), clicked until the select
	 * takes it: the option is marked selected (a multi-select) or the list closes (a single one). A
	 * click while the list is still sliding open can land beside the option and pick nothing.
	 */
	async pickOption(headline: string): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			const option = (await this.page.waitForFunction(
				(wanted: string) => {
					const options = [...document.querySelectorAll('[role="option"]')].filter((element) => {
						const box = element.getBoundingClientRect();
						return box.width > 0 && box.height > 0;
					});
					return (
						options.find((element) => {
							const label =
								(element.querySelector('.option-headline') as HTMLElement | null)?.innerText ??
								(element as HTMLElement).innerText;
							return label.trim() === wanted;
						}) ?? null
					);
				},
				{},
				headline,
			)) as ElementHandle<Element>;
			await option.click();
			const taken = await this.page
				.waitForFunction(
					(element: Element) =>
						!element.isConnected ||
						element.getBoundingClientRect().height === 0 ||
						element.getAttribute('aria-selected') === 'true' ||
						element.classList.contains('is-selected') ||
						element.classList.contains('selected'),
					{ timeout: 2_000 },
					option,
				)
				.then(
					() => true,
					() => false,
				);
			if (taken) return;
			if (attempt === 3)
				throw new Error(`the option "${headline}" was clicked 3 times, never taken`);
		}
	}

	/** The visible options of the open select: headline and description. */
	async openOptions(): Promise<Array<{ headline: string; description: string }>> {
		await this.page.waitForFunction(() =>
			[...document.querySelectorAll('[role="option"]')].some(
				(element) => element.getBoundingClientRect().height > 0,
			),
		);
		return this.page.$$eval('[role="option"]', (elements) =>
			elements
				.filter((element) => element.getBoundingClientRect().height > 0)
				.map((element) => ({
					headline: (
						(element.querySelector('.option-headline') as HTMLElement | null)?.innerText ??
						(element as HTMLElement).innerText
					).trim(),
					description: (
						(element.querySelector('.option-description') as HTMLElement | null)?.innerText ?? ''
					).trim(),
				})),
		);
	}

	/** The first text inside `scope` that matches (e.g. a URL shown in the node panel). */
	async findText(pattern: RegExp, scope = 'body'): Promise<string> {
		const handle = await this.page.waitForFunction(
			(scopeSelector: string, source: string) => {
				const matcher = new RegExp(source);
				for (const element of document.querySelectorAll(`${scopeSelector} *`)) {
					const text = ((element as HTMLElement).innerText ?? '').trim();
					const inChild = [...element.children].some((child) =>
						matcher.test(((child as HTMLElement).innerText ?? '').trim()),
					);
					if (!inChild && matcher.test(text)) return text;
				}
				return null;
			},
			{},
			scope,
			pattern.source,
		);
		return (await handle.jsonValue()) as string;
	}

	async screenshot(file: string): Promise<void> {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		await this.page.screenshot({ path: file as `${string}.png` });
	}

	/** A failed step's evidence: the page as it was and everything the browser logged. */
	async saveFailure(name: string): Promise<string> {
		const base = path.join(
			RESULTS_DIR,
			name
				.replace(/[^a-z0-9]+/gi, '-')
				.replace(/^-|-$/g, '')
				.slice(0, 100),
		);
		fs.mkdirSync(RESULTS_DIR, { recursive: true });
		await this.screenshot(`${base}.png`).catch(() => undefined);
		fs.writeFileSync(`${base}.console.log`, this.consoleLog.join('\n') + '\n');
		return base;
	}
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
