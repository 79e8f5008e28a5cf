/**
 * A stripe-node HTTP client that records every request and response while forwarding it,
 * unchanged, to the real sandbox through stripe-node's own Node client. Nothing is mocked: the
 * recording is a side channel the contract tests validate afterwards.
 */
import Stripe from 'stripe';

type HttpClientInterface = ReturnType<typeof Stripe.createNodeHttpClient>;
type HttpClientResponseInterface = Awaited<ReturnType<HttpClientInterface['makeRequest']>>;

export interface Recording {
  method: string;
  /** The request path, with the query string. */
  path: string;
  status: number;
  account: string | null;
  body: unknown;
}

export class RecordingHttpClient extends Stripe.HttpClient {
  readonly recordings: Recording[] = [];
  private readonly inner = Stripe.createNodeHttpClient();

  override getClientName(): string {
    return 'recording';
  }

  override async makeRequest(
    host: string,
    port: string,
    path: string,
    method: string,
    headers: Parameters<HttpClientInterface['makeRequest']>[4],
    requestData: string,
    protocol: string,
    timeout: number,
  ): Promise<HttpClientResponseInterface> {
    const response = await this.inner.makeRequest(
      host,
      port,
      path,
      method,
      headers,
      requestData,
      protocol,
      timeout,
    );
    const account = headers['Stripe-Account'];
    const recordings = this.recordings;
    return {
      getStatusCode: () => response.getStatusCode(),
      getHeaders: () => response.getHeaders(),
      getRawResponse: () => response.getRawResponse(),
      toStream: (done) => response.toStream(done),
      async toJSON(): Promise<unknown> {
        const body: unknown = await response.toJSON();
        recordings.push({
          method,
          path,
          status: response.getStatusCode(),
          account: typeof account === 'string' ? account : null,
          body,
        });
        return body;
      },
    };
  }
}
