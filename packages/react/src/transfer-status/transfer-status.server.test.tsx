// @vitest-environment node
import type { ReactNode } from 'react';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PurseProvider } from '../provider/purse-provider.js';
import { createFixturePurseClient, fixtureTopUp } from '../testing/index.js';
import { TransferStatus } from './transfer-status.js';

describe('TransferStatus on the server', () => {
  it('renders a loading state without touching window', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <PurseProvider client={createFixturePurseClient({ topUps: [fixtureTopUp()] })}>
        <TransferStatus topUpId="ibt_fixture" />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('Loading…');
  });

  it('renders a known top-up in full, its failure note too, when the server waits for it', async () => {
    const html = await renderAll(
      <PurseProvider client={createFixturePurseClient()}>
        <TransferStatus
          topUpId="ibt_fixture"
          initialTopUp={fixtureTopUp({
            status: 'failed',
            cancelable: false,
            failure: { code: 'account_frozen', message: 'x' },
          })}
        />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="failed"');
    expect(html).toContain('$250.00');
    expect(html).toContain('Your bank has frozen the account this top-up came from.');
    expect(html).not.toContain('aria-busy');
  });
});

/** Streams `ui` and resolves with the whole HTML once every Suspense boundary has resolved. */
function renderAll(ui: ReactNode): Promise<string> {
  return new Promise((resolve, reject) => {
    let html = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        html += chunk.toString();
        done();
      },
      final(done) {
        resolve(html);
        done();
      },
    });
    const stream = renderToPipeableStream(ui, {
      onAllReady: () => stream.pipe(sink),
      onShellError: reject,
    });
  });
}
