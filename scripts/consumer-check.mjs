#!/usr/bin/env node
/**
 * The consumer check: the packages as an npm user meets them. Packs each package, installs the
 * tarballs with npm into a fresh project together with the latest `stripe`, `express@4` and
 * React 18, type-checks every README example (the fenced blocks marked `ts example` or
 * `tsx example`, so README and check cannot drift) under strict `moduleResolution` bundler and
 * node16, then runs each `ts example`: it must exit 0 by itself, or, if it starts a server on
 * `process.env.PORT`, answer one HTTP request under /api/purse.
 *
 * Prints one line per check (`✓`/`✗ name`) and writes them to `--report=<file>` as JSON.
 * The build must have run (`pnpm build`). npm's cache makes reruns fast.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['core', 'sandbox', 'server', 'react'];
const reportArg = process.argv.find((a) => a.startsWith('--report='))?.slice('--report='.length);
const keep = process.argv.includes('--keep');
const results = [];
const started = Date.now();

function record(name, ok, detail = '') {
  results.push({ name, ok, detail });
  const at = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${ok ? '✓' : '✗'} consumer: ${name} (at ${at} s)${ok || !detail ? '' : `\n${detail}`}`,
  );
  return ok;
}

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function shAsync(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}` }));
    child.on('exit', (code) => resolve({ ok: code === 0, output }));
  });
}

/** The README examples: fenced blocks whose info string is `ts example` or `tsx example`. */
export function extractExamples(markdown) {
  const examples = [];
  const fence = /^```(tsx?) example\s*\n([\s\S]*?)^```\s*$/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    examples.push({ lang: match[1], code: match[2] });
  }
  return examples;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs one example: it exits 0 by itself, or it serves /api/purse on PORT and answers. */
async function runExample(file, cwd) {
  const port = await freePort();
  const tsxCli = join(root, 'node_modules/tsx/dist/cli.mjs');
  const child = spawn(process.execPath, [tsxCli, file], {
    cwd,
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  let state = 'running';
  void exited.then(() => (state = 'exited'));
  while (Date.now() < deadline) {
    if (state === 'exited') {
      const code = await exited;
      return { ok: code === 0, detail: `exit ${String(code)}\n${output}` };
    }
    try {
      const response = await fetch(`http://127.0.0.1:${String(port)}/api/purse/accounts`);
      const body = await response.json();
      const answered =
        response.status === 200 ? Array.isArray(body.data) : typeof body.error?.code === 'string';
      child.kill('SIGTERM');
      await exited;
      return {
        ok: answered,
        detail: `GET /api/purse/accounts → ${String(response.status)} ${JSON.stringify(body).slice(0, 300)}\n${output}`,
      };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  child.kill('SIGKILL');
  return { ok: false, detail: `neither exited nor answered within 60 s\n${output}` };
}

/** `npx purse-sandbox --port 0`: it prints its URL, and the URL answers Stripe's API. */
async function runSandboxCli(cwd) {
  // Its own process group: npx starts the CLI as a child, and both must stop at the end.
  const child = spawn('npx', ['--no-install', 'purse-sandbox', '--port', '0', '--seed', 'empty'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 60_000);
    child.stdout.on('data', (d) => {
      output += d;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', () => resolve(null));
    child.on('error', (error) => {
      output += error.message;
      resolve(null);
    });
  });
  try {
    if (!url) return { ok: false, detail: output };
    const key = /STRIPE_SECRET_KEY=(\S+)/.exec(output)?.[1] ?? '';
    const response = await fetch(`${url}/v1/customers`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const body = await response.json();
    return {
      ok: response.status === 200 && body.object === 'list',
      detail: `GET ${url}/v1/customers → ${String(response.status)}\n${output}`,
    };
  } finally {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'purse-consumer-'));
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  try {
    // 1. Pack: what npm would download (pnpm pack turns workspace:* into versions).
    const missing = PACKAGES.filter((name) => !existsSync(join(root, 'packages', name, 'dist')));
    if (missing.length > 0) {
      record('pack', false, `no dist/ in ${missing.join(', ')}: run \`pnpm build\` first`);
      return;
    }
    const packed = await Promise.all(
      PACKAGES.map((name) =>
        shAsync('pnpm', ['pack', '--pack-destination', tarballs], {
          cwd: join(root, 'packages', name),
        }),
      ),
    );
    const packedOk = PACKAGES.map((name, i) =>
      record(`pack @purse/${name}`, packed[i].ok, packed[i].output),
    );
    if (!packedOk.every(Boolean)) return;
    const tgz = Object.fromEntries(
      readdirSync(tarballs).map((f) => [
        `@purse/${f.replace(/^purse-/, '').replace(/-\d+\.\d+\.\d+.*\.tgz$/, '')}`,
        `file:./tarballs/${f}`,
      ]),
    );

    // 2. A fresh npm project: the tarballs, the latest stripe, Express 4, React 18.
    // `latest` resolved to its version now, so npm ls sees an exact spec it can check.
    const latest = (pkg) => sh('npm', ['view', pkg, 'version']).output.trim();
    const app = join(work, 'app');
    mkdirSync(join(app, 'examples'), { recursive: true });
    writeFileSync(
      join(app, 'package.json'),
      `${JSON.stringify(
        {
          name: 'purse-consumer',
          private: true,
          type: 'module',
          dependencies: {
            ...Object.fromEntries(Object.entries(tgz).map(([k, v]) => [k, v.replace('./', '../')])),
            stripe: latest('stripe'),
            express: '^4',
            react: '^18',
            'react-dom': '^18',
            'react-is': '^18',
            '@stripe/stripe-js': latest('@stripe/stripe-js'),
          },
          devDependencies: {
            '@types/express': '^4',
            '@types/node': '^20',
            '@types/react': '^18',
            '@types/react-dom': '^18',
          },
        },
        null,
        2,
      )}\n`,
    );
    const install = sh(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline'],
      { cwd: app },
    );
    if (
      !record(
        'npm install (tarballs, stripe@latest, express@4, react@18): no ERESOLVE',
        install.ok,
        install.output,
      )
    )
      return;
    const versions = sh('npm', ['ls', 'stripe', 'express', 'react', '--depth=0'], { cwd: app });
    const dupes = spawnSync('npm', ['ls', 'stripe', '--all', '--parseable'], {
      cwd: app,
      encoding: 'utf8',
    });
    const stripeCopies = new Set(
      dupes.stdout.split('\n').filter((l) => /node_modules\/stripe$/.test(l)),
    ).size;
    record(
      'one copy of stripe serves the app and the packages',
      stripeCopies === 1,
      `${String(stripeCopies)} copies\n${dupes.stdout}${dupes.stderr}`,
    );
    console.log(versions.output.trim());

    // 3. The README examples, as written.
    const files = [];
    for (const name of PACKAGES) {
      const examples = extractExamples(
        readFileSync(join(root, 'packages', name, 'README.md'), 'utf8'),
      );
      examples.forEach((example, index) => {
        const file = `examples/${name}-${String(index + 1)}.${example.lang}`;
        writeFileSync(join(app, file), example.code);
        files.push({ file, lang: example.lang, from: `packages/${name}/README.md` });
      });
    }
    record('the READMEs have examples', files.length > 0, 'no ```ts example blocks found');
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    // The two type checks and the example runs go side by side (each is mostly waiting).
    const checks = ['bundler', 'node16'].map(async (resolution) => {
      const config = {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: resolution === 'bundler' ? 'ESNext' : 'Node16',
          moduleResolution: resolution === 'bundler' ? 'Bundler' : 'Node16',
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        include: ['examples'],
      };
      writeFileSync(join(app, `tsconfig.${resolution}.json`), JSON.stringify(config, null, 2));
      const checked = await shAsync(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], {
        cwd: app,
      });
      record(
        `tsc --strict, moduleResolution ${resolution}: no type error in ${String(files.length)} examples`,
        checked.ok,
        checked.output,
      );
    });
    const runs = files
      .filter(({ lang }) => lang === 'ts')
      .map(async ({ file, from }) => ({ file, from, ...(await runExample(file, app)) }));
    const cli = runSandboxCli(app);
    await Promise.all(checks);
    const cliResult = await cli;
    record('npx purse-sandbox starts and answers', cliResult.ok, cliResult.detail);
    for (const { file, from, ok, detail } of await Promise.all(runs)) {
      record(`${from} example ${file.replace('examples/', '')} runs and answers`, ok, detail);
    }
  } finally {
    if (reportArg) writeFileSync(reportArg, `${JSON.stringify(results, null, 2)}\n`);
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
process.exit(results.every((r) => r.ok) ? 0 : 1);
