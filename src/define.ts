/**
 * Registers `<card-list>`, `<add-card-form>` and `<cvv-flip>`. Import it once for its side effect:
 * `import 'saved-cards/define'`. Importing `saved-cards` itself registers nothing, so a host can
 * register the classes under its own names or in a scoped registry.
 */
import { AddCardForm } from './add-card-form/add-card-form.js';
import { CardList } from './card-list/card-list.js';
import { CvvFlip } from './cvv-flip/cvv-flip.js';

// A page may load the drop-in bundle and the npm build side by side: the first registration wins
// instead of throwing "name already used". The literal calls let the manifest analyzer link tags.
if (!customElements.get('cvv-flip')) customElements.define('cvv-flip', CvvFlip);
if (!customElements.get('add-card-form')) customElements.define('add-card-form', AddCardForm);
if (!customElements.get('card-list')) customElements.define('card-list', CardList);
