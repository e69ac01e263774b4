#!/usr/bin/env node
// Makes `npm start` and `npm test` work on a fresh clone: installs the locked npm
// dependencies when they are missing or stale, and (for tests) the two system tools the
// end-to-end tests and the CLI need, Debian's chromium and ffmpeg, when running as root.
// Uses only Node built-ins, since it runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wantSystemTools = process.argv.includes('--system-tools');

function run(command, args) {
  console.error(`[setup] ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

if (wantSystemTools) {
  const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  const missing = ['chromium', 'ffmpeg'].filter((tool) => !has(tool));
  if (missing.length > 0) {
    if (process.getuid?.() === 0) {
      process.env.DEBIAN_FRONTEND = 'noninteractive';
      run('apt-get', ['update', '-qq']);
      run('apt-get', ['install', '-y', '-qq', ...missing]);
    } else {
      console.error(
        `[setup] missing: ${missing.join(', ')}. Install them (sudo apt-get install -y ${missing.join(' ')}); ` +
          'the tests that need them will skip and say so.',
      );
    }
  }
}
