// The sandbox under test, in a process of its own, from the build (as `purse-sandbox` runs).
// The benchmark talks to it over HTTP and asks it for its memory over IPC.
import { startSandbox } from '../dist/index.js';

const seed = process.argv.includes('--seed=demo') ? 'demo' : 'empty';
const sb = await startSandbox({ seed, speed: 0 });
process.on('message', (message) => {
  if (message === 'memory') {
    globalThis.gc?.();
    process.send?.({ memory: process.memoryUsage() });
  } else if (message === 'stop') {
    void sb.close().then(() => process.exit(0));
  }
});
process.send?.({ ready: { url: sb.url, port: sb.port, secretKey: sb.secretKey, seed: sb.seed } });
