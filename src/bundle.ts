// Entry of the drop-in `dist/saved-cards.js`: registers the three tags and exposes the public API.
import './define.js';
export * from './index.js';
