/**
 * Tokenizers: the only code that ever sees a card number or security code.
 */
export { TokenizeError } from './types.js';
export type {
  CardDetails,
  TokenizedCard,
  Tokenizer,
  TokenizeErrorField,
  TokenizeErrorInit,
  TokenizeErrorKind,
  TokenizeOptions,
} from './types.js';
export { createTokenEndpointTokenizer } from './token-endpoint.js';
export type { TokenEndpointOptions } from './token-endpoint.js';
