/**
 * Where the form's endpoint client and tokenizer come from: the instances the host injected, or
 * ones made (once, and again only when the URL changes) from the `endpoint` and `token-endpoint`
 * attributes. A gateway other than the token endpoint (Stripe) plugs in here as another Tokenizer.
 */
import { EndpointClient } from '../endpoint/client.js';
import { createTokenEndpointTokenizer } from '../gateways/token-endpoint.js';
import type { Tokenizer } from '../gateways/types.js';
import type { FlowDeps } from './submit-flow.js';

/** The element properties that decide the dependencies. */
export interface DependencySource {
  endpoint: string;
  tokenEndpoint: string;
  publishableKey: string;
  gateway: string;
  client: EndpointClient | null;
  tokenizer: Tokenizer | null;
}

/** Resolves and caches the client and tokenizer for one form. */
export class Dependencies {
  #client: { url: string; client: EndpointClient } | null = null;
  #tokenizer: { key: string; tokenizer: Tokenizer } | null = null;

  constructor(private readonly source: DependencySource) {}

  /** The injected client, or one for `endpoint`; null without either. */
  client(): EndpointClient | null {
    const s = this.source;
    if (s.client) return s.client;
    if (!s.endpoint) return null;
    if (this.#client?.url !== s.endpoint) this.#client = { url: s.endpoint, client: new EndpointClient({ baseUrl: s.endpoint }) };
    return this.#client.client;
  }

  /** The injected tokenizer, or a token-endpoint one; null without either (or for a gateway not built in). */
  tokenizer(): Tokenizer | null {
    const s = this.source;
    if (s.tokenizer) return s.tokenizer;
    if (s.gateway !== 'token-endpoint' || !s.tokenEndpoint) return null;
    const key = `${s.tokenEndpoint} ${s.publishableKey}`;
    if (this.#tokenizer?.key !== key) {
      this.#tokenizer = { key, tokenizer: createTokenEndpointTokenizer({ url: s.tokenEndpoint, publishableKey: s.publishableKey || undefined }) };
    }
    return this.#tokenizer.tokenizer;
  }

  /** Both, or null when the form cannot submit. */
  both(): FlowDeps | null {
    const client = this.client();
    const tokenizer = this.tokenizer();
    return client && tokenizer ? { client, tokenizer } : null;
  }
}
