import type { Messages } from '../en/index.js';
import { coreMessagesDe } from './core.js';
import { flipMessagesDe } from './flip.js';
import { formMessagesDe } from './form.js';
import { listMessagesDe } from './list.js';
import { stripeMessagesDe } from './stripe.js';

/**
 * German messages, complete: typed `Messages`, so a key added to the English messages fails the
 * type check here until it is translated. Pass it whole (`form.messages = de`) and set the
 * element's `locale` (or a `lang="de"` ancestor) so amounts and country names follow.
 * Override single strings on top: `{ ...de, submitAdd: 'Karte speichern' }`.
 */
export const de: Messages = {
  ...coreMessagesDe,
  ...flipMessagesDe,
  ...formMessagesDe,
  ...listMessagesDe,
  ...stripeMessagesDe,
};
