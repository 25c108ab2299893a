// Shared by the start and test scripts: run commands, make sure dependencies are installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM = ['npx', '-y', 'pnpm@12.4.2'];

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function pnpm(args, options) {
  return run(PNPM[0], [...PNPM.slice(1), ...args], options);
}

/** Installs workspace dependencies exactly as locked. */
export function installDependencies() {
  ensureBuildTools();
  const status = pnpm(['install', '--frozen-lockfile', '--reporter=append-only']);
  if (status !== 0) throw new Error('pnpm install failed');
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests use the system Chromium; install it from Debian's packages when it is missing. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  console.log('Installing Chromium from Debian packages…');
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', 'chromium']) !== 0) {
    throw new Error('apt-get install chromium failed');
  }
}

/**
 * Fonts for every script the checkout shows (its built-in locales, and the Arabic of the right-to-left story), so
 * browser screenshots show text, not empty boxes: fontconfig language -> the Debian package that covers it.
 */
const FONTS_BY_LANGUAGE = { th: 'fonts-thai-tlwg', 'zh-cn': 'fonts-noto-cjk', 'zh-tw': 'fonts-noto-cjk', ko: 'fonts-noto-cjk', ar: 'fonts-dejavu-core' };

/** Installs the fonts a locale lacks from Debian's packages, like Chromium. */
export function ensureFonts() {
  const hasFont = (language) => spawnSync('fc-list', [`:lang=${language}`, 'family'], { encoding: 'utf8' }).stdout?.trim();
  const missing = [...new Set(Object.entries(FONTS_BY_LANGUAGE).filter(([language]) => !hasFont(language)).map(([, pkg]) => pkg))];
  // Without fontconfig's tools nothing can be checked: install them with the fonts.
  if (spawnSync('sh', ['-c', 'command -v fc-list']).status !== 0) missing.push('fontconfig');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Fonts for the checkout's locales are missing. Install them (apt-get install ${missing.join(' ')}).`);
  }
  console.log(`Installing ${missing.join(', ')} from Debian packages (fonts for the locale screenshots)…`);
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', ...missing]) !== 0) {
    throw new Error(`apt-get install ${missing.join(' ')} failed`);
  }
}

const BUILD_TOOLS = ['g++', 'make', 'python3'];

/** better-sqlite3 (the demo store's database) compiles at install; install a compiler when it is missing. */
export function ensureBuildTools() {
  const missing = BUILD_TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`better-sqlite3 compiles at install and needs ${missing.join(', ')}. Install them (apt-get install ${BUILD_TOOLS.join(' ')}).`);
  }
  console.log(`Installing ${missing.join(', ')} from Debian packages (better-sqlite3 compiles at install)…`);
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', ...BUILD_TOOLS]) !== 0) {
    throw new Error(`apt-get install ${BUILD_TOOLS.join(' ')} failed`);
  }
}
