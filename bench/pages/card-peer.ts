/**
 * The peer: jessepollak/card (with its `payment` formatter), as a page would load it. Its CommonJS
 * build assigns `global.Card`; the bench build maps `global` to `globalThis`, so the constructor ends
 * up on `globalThis.Card`. Its stylesheet is emitted next to it (card-peer.css).
 */
import 'card';
