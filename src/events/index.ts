/** Every event the elements fire: typed classes, registered in `GlobalEventHandlersEventMap`. */
export * from './add-card-cancel.js';
export * from './card-added.js';
export * from './card-remove.js';
export * from './card-removed.js';
export * from './card-select.js';
export * from './default-changed.js';
export * from './payment-failed.js';
export * from './payment-succeeded.js';
export * from './removal-blocked.js';
export * from './session-expired.js';
export * from './verification-required.js';
