#!/usr/bin/env node
/**
 * `pnpm test`: every check and every suite, in order, with one line of totals at the end.
 *
 *   1. lint, format, typecheck (one check each; typecheck one per package)
 *   2. build the four packages, then publint + arethetypeswrong on each
 *   3. the consumer check: the packed packages installed with npm in a fresh project (latest
 *      stripe, Express 4, React 18), the READMEs' examples type-checked and run (one test each)
 *   4. `next build` of apps/next-example
 *   5. Vitest: every project (core, sandbox, server, react, react18, contract, security, faults,
 *      storybook in Chromium), one JSON report
 *   6. the browser end-to-end suite on the demo and the Next.js example (Playwright, Chromium)
 *
 * Checks count as one test each; suites count their tests. The last line is
 * `N passed, N failed, N skipped`. Exit code 1 if anything failed.
 *
 * Flags: --only=<step,step> to run some steps (lint, format, typecheck, build, packages,
 * consumer, next, vitest, e2e); --skip=<step,...> to leave some out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, '.artifacts');
mkdirSync(artifacts, { recursive: true });

const args = process.argv.slice(2);
const listArg = (name) =>
  args
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(',')
    .filter(Boolean);
const only = listArg('only');
const skip = listArg('skip') ?? [];
const wanted = (step) => (!only || only.includes(step)) && !skip.includes(step);

const PACKAGES = ['core', 'sandbox', 'server', 'react'];
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(command, commandArgs, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, commandArgs, {
    cwd: options.cwd ?? root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...options.env },
  });
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

function check(name, command, commandArgs, options) {
  console.log(`\n▶ ${name}`);
  const { ok, seconds } = run(command, commandArgs, options);
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${ok ? '✓' : '✗'} ${name} (${seconds.toFixed(1)} s)`);
  return ok;
}

function pnpm(...rest) {
  return ['pnpm', rest];
}

/**
 * A program from Debian's packages (never downloaded from elsewhere): installed with apt-get
 * when it is missing and we are root; otherwise a clear message with the command to run.
 */
function ensureDebianProgram({ path, pkg, envName, purpose }) {
  if (existsSync(path)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(
      `\n${pkg} is missing: installing it from Debian’s packages (apt-get install ${pkg})…`,
    );
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', pkg]);
    if (existsSync(path)) return true;
  }
  console.error(
    `\n${path} was not found. ${purpose} need Debian's ${pkg}:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${pkg}\n` +
      `or point ${envName} at one. (Nothing is downloaded from the internet.)`,
  );
  return false;
}

/** Chromium, for the story tests and the e2e suites. */
function ensureChromium() {
  return ensureDebianProgram({
    path: process.env.PURSE_CHROMIUM ?? '/usr/bin/chromium',
    pkg: 'chromium',
    envName: 'PURSE_CHROMIUM',
    purpose: 'The story tests and the browser suites',
  });
}

/** redis-server, which the store and multi-instance suites start on a free port of their own. */
function ensureRedis() {
  return ensureDebianProgram({
    path: process.env.PURSE_REDIS_SERVER ?? '/usr/bin/redis-server',
    pkg: 'redis-server',
    envName: 'PURSE_REDIS_SERVER',
    purpose: 'The shared-store and multi-instance suites',
  });
}

if (wanted('lint'))
  check('lint (eslint, type-aware)', ...pnpm('exec', 'eslint', '.', '--max-warnings', '0'));
if (wanted('format'))
  check(
    'format (prettier --check)',
    ...pnpm('exec', 'prettier', '--check', '.', '--log-level', 'warn'),
  );
if (wanted('typecheck')) {
  for (const name of PACKAGES) {
    check(
      `typecheck @purse/${name}`,
      ...pnpm('exec', 'tsc', '-p', `packages/${name}/tsconfig.json`, '--noEmit'),
    );
  }
  for (const project of ['apps/demo', 'test']) {
    if (existsSync(join(root, project, 'tsconfig.json'))) {
      check(
        `typecheck ${project}`,
        ...pnpm('exec', 'tsc', '-p', `${project}/tsconfig.json`, '--noEmit'),
      );
    }
  }
}
let built = true;
if (wanted('build')) built = check('build the packages', ...pnpm('run', 'build'));
if (wanted('packages') && built) {
  for (const name of PACKAGES) {
    check(
      `publint + attw @purse/${name}`,
      ...pnpm('--filter', `@purse/${name}`, 'run', 'check:package'),
    );
  }
}

if (wanted('consumer') && built) {
  const report = join(artifacts, 'consumer.json');
  rmSync(report, { force: true });
  console.log('\n▶ consumer check (npm install of the packed packages, README examples)');
  const { seconds } = run('node', ['scripts/consumer-check.mjs', `--report=${report}`]);
  const results = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : [];
  const failed = results.filter((r) => !r.ok).length;
  totals.passed += results.length - failed;
  totals.failed += results.length === 0 ? 1 : failed;
  lines.push(
    `${failed === 0 && results.length > 0 ? '✓' : '✗'} consumer: ${String(results.length - failed)} passed, ${String(failed)} failed (${seconds.toFixed(1)} s)`,
  );
}
if (wanted('next') && built) {
  check(
    'next build (apps/next-example)',
    ...pnpm('--filter', '@purse/next-example', 'run', 'build'),
    {
      env: { NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
}
// The size budget (.size-limit.mjs): first loads for esbuild and Vite, one check, on the build.
if (wanted('size') && built) check('size budget (size-limit)', 'node', ['scripts/size-budget.mjs']);

const haveChromium = (wanted('vitest') || wanted('e2e')) && ensureChromium();
// Without it those suites fail with the same instructions; the other suites still run.
if (wanted('vitest')) ensureRedis();

if (wanted('vitest')) {
  const report = join(artifacts, 'vitest.json');
  rmSync(report, { force: true });
  console.log('\n▶ vitest (all projects)');
  const projectArgs = haveChromium ? [] : ['--project', '!storybook'];
  const { seconds } = run('pnpm', [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...projectArgs,
  ]);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    totals.passed += json.numPassedTests ?? 0;
    totals.failed += json.numFailedTests ?? 0;
    totals.skipped += skipped;
    // A file that failed to load has no tests but still fails the run.
    const brokenFiles = (json.testResults ?? []).filter(
      (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
    ).length;
    totals.failed += brokenFiles;
    lines.push(
      `${json.numFailedTests === 0 && brokenFiles === 0 ? '✓' : '✗'} vitest: ${json.numPassedTests} passed, ${json.numFailedTests + brokenFiles} failed, ${skipped} skipped (${seconds.toFixed(1)} s)`,
    );
  } else {
    totals.failed += 1;
    lines.push(`✗ vitest produced no report (${seconds.toFixed(1)} s)`);
  }
  if (!haveChromium) {
    totals.failed += 1;
    lines.push('✗ storybook story tests: Chromium missing');
  }
}

if (wanted('e2e')) {
  const suites = [
    { name: 'e2e (demo)', config: 'test/e2e/playwright.config.ts' },
    { name: 'e2e (next-example)', config: 'test/e2e/playwright.next.config.ts' },
  ];
  for (const suite of suites) {
    const config = join(root, suite.config);
    if (!existsSync(config)) {
      lines.push(`· ${suite.name}: no suite yet`);
    } else if (!haveChromium) {
      totals.failed += 1;
      lines.push(`✗ ${suite.name}: Chromium missing`);
    } else {
      const report = join(artifacts, `${suite.name.replace(/\W+/g, '-')}.json`);
      rmSync(report, { force: true });
      console.log(`\n▶ browser end-to-end suite: ${suite.name} (Playwright + Chromium)`);
      const { seconds } = run('pnpm', ['exec', 'playwright', 'test', '--config', config], {
        env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report },
      });
      if (existsSync(report)) {
        const stats = JSON.parse(readFileSync(report, 'utf8')).stats ?? {};
        const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
        const failed = stats.unexpected ?? 0;
        totals.passed += passed;
        totals.failed += failed;
        totals.skipped += stats.skipped ?? 0;
        lines.push(
          `${failed === 0 ? '✓' : '✗'} ${suite.name}: ${String(passed)} passed, ${String(failed)} failed (${seconds.toFixed(1)} s)`,
        );
      } else {
        totals.failed += 1;
        lines.push(`✗ ${suite.name} produced no report (${seconds.toFixed(1)} s)`);
      }
    }
  }
}

console.log(`\n${lines.join('\n')}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
