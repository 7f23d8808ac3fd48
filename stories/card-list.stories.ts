/**
 * <card-list>: one story per state a portal customer can meet. The network is a MockHost (the
 * host-endpoint contract, in the browser): the element runs its real client against it.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { expect, userEvent } from 'storybook/test';
import type { MockHostOptions } from '../src/testing/index.js';
import { everydayCards, hosted, lastYear, mockCard, nextMonth, thisYear, type MockCard, type StoryHost } from './support/fixtures.js';
import { find, listLoaded, rowOf, shadow, textOf, until } from './support/play.js';

/** Renders a list against a fresh MockHost; `prepare` scripts faults or holds before the first fetch. */
function list(options: MockHostOptions, attrs: { selectable?: boolean } = {}, prepare?: (h: StoryHost) => void): () => TemplateResult {
  return hosted(
    options,
    (h) => html`<card-list .client=${h.client} .tokenizer=${h.tokenizer} ?selectable=${attrs.selectable ?? false}></card-list>`,
    prepare,
  );
}

const meta: Meta = {
  title: 'Elements/card-list',
  component: 'card-list',
  parameters: {
    docs: {
      description: {
        component:
          'The signed-in account’s cards on file. Each story runs the element against `MockHost` from `saved-cards/testing`, ' +
          'an in-browser mock of the host endpoint: `list.client = host.client(); list.tokenizer = host.tokenizer();`. ' +
          'On a real page, set `endpoint="/api"` and `token-endpoint` instead.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** The first request is held: the skeleton shows until the cards arrive. */
export const Loading: Story = {
  render: list({ cards: everydayCards() }, {}, ({ host }) => void host.hold({ method: 'GET', path: '/cards' })),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await el.updateComplete;
    await expect(shadow(el).querySelector('[part~="skeleton"]')).not.toBeNull();
  },
};

/** No card on file yet: why to add one, and the way to do it. */
export const Empty: Story = {
  render: list({ cards: [] }),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    await expect(textOf(el, '[part~="empty"]')).toContain('No cards on file');
  },
};

/** Three cards, the default first, each with its actions. */
export const SeveralCards: Story = {
  render: list({ cards: everydayCards() }),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    await expect(shadow(el).querySelectorAll('li[data-id]').length).toBe(3);
  },
};

/** An expired card (no "Set as default", a "Replace") and one expiring within 60 days. */
export const ExpiredAndExpiringSoon: Story = {
  render: list({
    cards: [
      mockCard({ id: 'card_ok', brand: 'visa', last4: '4242', expMonth: 12, expYear: thisYear + 3 }),
      mockCard({ id: 'card_soon', brand: 'mastercard', last4: '4444', ...nextMonth() }),
      mockCard({ id: 'card_old', brand: 'discover', last4: '1117', ...lastYear() }),
    ],
  }),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    await expect(rowOf(el, '4444').querySelector('[part~="badge-expiring"]')).not.toBeNull();
    await expect(rowOf(el, '1117').querySelector('[part~="badge-expired"]')).not.toBeNull();
  },
};

/** The account has an active subscription and one card: Remove is unavailable, and the row says why. */
export const OnlyCardOnSubscription: Story = {
  render: list({
    cards: [mockCard({ id: 'card_only', brand: 'visa', last4: '4242' })],
    policy: { cardRequired: true, cardRequiredReason: 'active-subscription' },
  }),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    await expect(textOf(el, '[part~="reason"]')).toContain('subscription');
    await expect(rowOf(el, '4242').querySelector('[data-action="remove"]')?.getAttribute('aria-disabled')).toBe('true');
  },
};

/** The customer pressed Remove: the modal dialog asks first, with "Keep card" focused. */
export const RemovalConfirmationOpen: Story = {
  render: list({ cards: everydayCards() }),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    await userEvent.click(rowOf(el, '4444').querySelector<HTMLButtonElement>('[data-action="remove"]')!);
    await until(() => shadow(el).querySelector('dialog')!.open, 'the dialog to open');
    await expect(textOf(el, 'dialog h2')).toBe('Remove Mastercard ending in 4444?');
  },
};

/** The list allowed the removal, the server refused it (409 `pending-payment`): the reason shows and the list refreshes. */
export const ServerRefusal: Story = {
  render: list({ cards: everydayCards() }, {}, ({ host }) =>
    host.fail(
      { method: 'DELETE' },
      { status: 409, body: { error: { code: 'conflict', message: 'This card cannot be removed.', reason: 'pending-payment' } } },
    ),
  ),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    await userEvent.click(rowOf(el, '4444').querySelector<HTMLButtonElement>('[data-action="remove"]')!);
    await until(() => shadow(el).querySelector('dialog')!.open, 'the dialog to open');
    await userEvent.click(shadow(el).querySelector<HTMLButtonElement>('dialog .confirm')!);
    await until(() => textOf(el, '[part~="notice-error"]').includes('has not gone through'), 'the refusal to show');
  },
};

/**
 * The browser went offline: changes pause and every action says why. The play function fires the
 * window's `offline` event (a story cannot unplug the network); going back online refetches.
 */
export const Offline: Story = {
  // the event reaches every list on the page, so this one stays off the shared docs page
  tags: ['!autodocs'],
  render: list({ cards: everydayCards() }),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    window.dispatchEvent(new Event('offline'));
    await until(() => textOf(el, '[part~="note"]').includes('offline'), 'the offline note');
  },
};

/** Paying: radio rows, the default pre-selected, expired cards not selectable, and "Use another card". */
export const Selectable: Story = {
  render: list(
    {
      cards: [...everydayCards(), mockCard({ id: 'card_old', brand: 'discover', last4: '1117', ...lastYear() })],
    },
    { selectable: true },
  ),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    await expect(el.value).toBe('card_visa');
    await userEvent.click(rowOf(el, '4444').querySelector('input')!);
    await expect(el.value).toBe('card_mc');
  },
};

function hundredCards(): MockCard[] {
  const brands = ['visa', 'mastercard', 'american-express', 'discover', 'jcb', 'diners-club', 'unionpay'] as const;
  return Array.from({ length: 100 }, (_, i) =>
    mockCard({
      id: `card_${i}`,
      brand: brands[i % brands.length]!,
      last4: String(1000 + i),
      nameOnCard: `Customer ${i + 1}`,
      expMonth: (i % 12) + 1,
      expYear: thisYear + 1 + (i % 5),
    }),
  );
}

/** A hundred cards (an account allowed 200): rows stay cheap, one listener for the whole list. */
export const LongList: Story = {
  render: list({ cards: hundredCards(), policy: { maxCards: 200 } }),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    await expect(shadow(el).querySelectorAll('li[data-id]').length).toBe(100);
  },
};

/** Names the endpoint sends that try to be markup, reorder text, or go on forever. */
const HOSTILE_NAMES = {
  markup: '<img src=x onerror="alert(1)"><script>alert(2)</script>',
  bidi: 'Ada \u202Egnp.exe\u202C Lovelace \u2067\u05E9\u05DC\u05D5\u05DD\u2069',
  long: 'W'.repeat(10_000),
} as const;

/** Hostile data: HTML, bidi override controls and a 10,000-character name all show as plain, isolated, cut text. */
export const HostileNames: Story = {
  render: list({
    cards: [
      mockCard({ id: 'card "1" <b>', brand: 'visa', last4: '4242', nameOnCard: HOSTILE_NAMES.markup }),
      mockCard({ id: 'card 2', brand: 'mastercard', last4: '4444', nameOnCard: HOSTILE_NAMES.bidi }),
      mockCard({ id: 'card\u00a03', brand: 'discover', last4: '1117', nameOnCard: HOSTILE_NAMES.long }),
    ],
  }),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    const root = shadow(el);
    await expect(root.querySelector('img, script, b')).toBeNull();
    const names = [...root.querySelectorAll('[part~="name"]')].map((n) => n.textContent);
    await expect(names).toEqual([HOSTILE_NAMES.markup, HOSTILE_NAMES.bidi, HOSTILE_NAMES.long]);
    await expect(root.querySelector('[part~="name"]')?.localName).toBe('bdi');
  },
};

/** The first load failed (the server answered 500 to every try): what happened, and "Try again". */
export const LoadFailed: Story = {
  render: list({ cards: everydayCards() }, {}, ({ host }) => host.fail({ method: 'GET', path: '/cards' }, { status: 500 }, 10)),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    await expect(textOf(el, '[part~="error"]')).toContain('could not load');
  },
};

/** The session ended (401): the list says so once and fires `session-expired` for the portal to sign in again. */
export const SessionExpired: Story = {
  render: list({ cards: everydayCards() }, {}, ({ host }) => host.fail({ path: '/cards' }, { status: 401 }, 10)),
  play: async ({ canvasElement }) => {
    const el = find(canvasElement, 'card-list');
    await listLoaded(el);
    await expect(textOf(el, '[part~="error"]')).toContain('session has ended');
  },
};
