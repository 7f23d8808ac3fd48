/**
 * The floor of any Lit + card-validator product: lit, lit's `repeat` directive and all of
 * card-validator, minified together. Its size is the comparison the issue quotes (10.5 kB
 * min + brotli); the start-up probe renders a one-line element on it.
 */
export { LitElement, html, css } from 'lit';
export { repeat } from 'lit/directives/repeat.js';
export { default as cardValidator } from 'card-validator';
