/** English messages for <card-list>. `{card}` is always "{brand} ending in {last4}" (`listCardLabel`). */
export const listMessages = {
  /** The list's accessible name. */
  listLabel: 'Cards on file',
  /** How a card is named in buttons, dialogs and announcements. */
  listCardLabel: '{brand} ending in {last4}',
  /** Read while the skeleton rows show. */
  listLoading: 'Loading your cards…',
  /** The empty state's heading. */
  listEmptyTitle: 'No cards on file',
  /** The empty state's explanation. */
  listEmptyBody: 'Save a card to pay invoices and renewals without typing its details each time.',
  /** Opens the add form. */
  listAdd: 'Add new card',
  /** Shown instead of adding when the account holds as many cards as it may. */
  listMaxCards: 'You can keep up to {max} cards. Remove one to add another.',
  /** Leaves the add form. */
  listBack: 'Back to card list',
  /** The add form's heading when adding. */
  listAddTitle: 'Add a card',
  /** The expiry of a card that is still valid. */
  listExpires: 'Expires {expiry}',
  /** The expiry of an expired card. */
  listExpiredOn: 'Expired {expiry}',
  /** Badge on the default card. */
  listDefault: 'Default',
  /** Flag on an expired card. */
  listExpired: 'Expired',
  /** Flag on a card that expires within the warning window. */
  listExpiringSoon: 'Expires soon',
  /** Row action. */
  listSetDefault: 'Set as default',
  /** Row action. */
  listRemove: 'Remove',
  /** Row action on an expired or expiring card. */
  listReplace: 'Replace',
  /** A row's state while its set-default request is on its way. */
  listBusyDefault: 'Saving…',
  /** A row's state while its removal is on its way. */
  listBusyRemove: 'Removing…',
  /** Why the default card's Remove is unavailable. */
  listBlockedDefault: 'This is your default card. Set another card as default first.',
  /** Why the only card's Remove is unavailable while the account must keep one. */
  listBlockedOnlyCard: 'Your subscription needs a card on file. Add another card before removing this one.',
  /** Why a card with an unsettled payment cannot be removed. */
  listBlockedPending: 'A payment with this card has not gone through yet. You can remove it once it has.',
  /** Why a card cannot be removed, when the server did not say. */
  listBlockedUnspecified: 'This card cannot be removed right now.',
  /** The confirmation dialog's title. */
  listRemoveTitle: 'Remove {card}?',
  /** The confirmation dialog's text. */
  listRemoveBody: 'You will not be able to pay with this card unless you add it again.',
  /** Confirms removal. */
  listRemoveConfirm: 'Remove card',
  /** Dismisses the confirmation dialog. */
  listRemoveCancel: 'Keep card',
  /** Announced after a removal. */
  listRemoved: '{card} was removed.',
  /** Shown when the host vetoed a removal. */
  listRemoveVetoed: '{card} was not removed.',
  /** Shown when the server says the card was already gone (404). */
  listAlreadyRemoved: '{card} had already been removed. The list is up to date again.',
  /** Shown when a removal failed for a reason other than a rule. */
  listRemoveFailed: 'We could not remove {card}. Please try again.',
  /** Announced when the server confirms a new default. */
  listDefaultChanged: '{card} is now your default card.',
  /** Shown after a refused or timed-out set-default, once the list has rolled back. */
  listDefaultFailed: 'We could not make {card} your default card. Your default card has not changed.',
  /** Shown when the server refuses an expired card as the default (409 expired). */
  listDefaultExpired: '{card} has expired, so it cannot be your default card.',
  /** Shown when the card acted on is no longer on file (404). */
  listCardGone: 'That card is no longer on file. The list is up to date again.',
  /** Announced after a card was added. */
  listAdded: '{card} was added.',
  /** 401. */
  listSessionExpired: 'Your session has ended. Sign in again to manage your cards.',
  /** 403 on a change. */
  listForbidden: 'You do not have permission to change these cards.',
  /** 403 on loading. */
  listForbiddenLoad: 'You do not have permission to see these cards.',
  /** 429. */
  listRateLimited: 'Too many requests. Wait a moment, then try again.',
  /** The first load failed (network, timeout, 5xx). */
  listLoadFailed: 'We could not load your cards.',
  /** The server's answer broke the contract and was refused. */
  listLoadInvalid: 'We could not read the card list the server sent.',
  /** Retries the load. */
  listRetry: 'Try again',
  /** Dismisses a message. */
  listDismiss: 'Dismiss',
  /** The note while the browser is offline. */
  listOffline: 'You are offline. Changes to your cards are paused until you reconnect.',
  /** The replace flow's heading. */
  listReplaceTitle: 'Replace {card}',
  /** Replace step 1. */
  listReplaceStepAdd: 'Add the new card',
  /** Replace step 2 (only when the old card was the default). */
  listReplaceStepDefault: 'Make the new card your default',
  /** Replace step 3. */
  listReplaceStepRemove: 'Remove {card}',
  /** A replace step's state, read after its label. */
  listStepPending: 'Waiting',
  /** A replace step's state. */
  listStepActive: 'In progress',
  /** A replace step's state. */
  listStepDone: 'Done',
  /** A replace step's state. */
  listStepFailed: 'Failed',
  /** Announced when a replacement finished. */
  listReplaceDone: '{card} has been replaced by {newCard}.',
  /** A replacement stopped before the new card became the default. */
  listReplaceFailedDefault: '{newCard} was added, but it could not be made your default card. Both cards are on file.',
  /** A replacement stopped before the old card was removed. */
  listReplaceFailedRemove: '{newCard} was added, but {card} could not be removed. Both cards are on file.',
  /** The radio group's label in selectable mode. */
  listSelectLabel: 'Choose a card to pay with',
  /** Opens the add form in pay mode. */
  listUseAnother: 'Use another card',
  /** The pay form's heading. */
  listPayTitle: 'Pay with another card',
} as const;
