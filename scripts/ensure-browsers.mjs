// Runs before `npm test`: the browser tests need Debian's Chromium and Firefox ESR. On Debian as
// root, installs the missing ones with apt-get; anywhere else, says in one line how to get them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = [
  { pkg: 'chromium', bin: process.env.CHROME_PATH || '/usr/bin/chromium' },
  { pkg: 'firefox-esr', bin: '/usr/bin/firefox-esr' },
];
const missing = wanted.filter((b) => !existsSync(b.bin));
if (missing.length === 0) process.exit(0);

const names = missing.map((b) => b.pkg).join(' ');
const isDebian = existsSync('/etc/debian_version');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isDebian || !isRoot) {
  console.error(`The browser tests need ${names}: install them (Debian: sudo apt-get install -y ${names}) and run npm test again.`);
  process.exit(1);
}
console.log(`Installing ${names} for the browser tests…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...missing.map((b) => b.pkg)], { stdio: 'inherit', env });
