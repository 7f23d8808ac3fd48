/**
 * <add-card-form>: one story per state. The play functions type into the fields inside the shadow
 * root with `userEvent`, key by key, and submit to a MockHost (the host endpoint and the token
 * endpoint, in the browser). Sandbox test numbers decide what the mock gateway does.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { de } from '../src/i18n/index.js';
import type { CvvFlip } from '../src/cvv-flip/cvv-flip.js';
import { TEST_NUMBERS, addressesOnFile, hosted, type StoryHost } from './support/fixtures.js';
import { control, fillAddress, fillCard, find, shadow, submit, textOf, typeInto, until } from './support/play.js';

const plain = (h: StoryHost) => html`<add-card-form .client=${h.client} .tokenizer=${h.tokenizer} .savedAddresses=${[]}></add-card-form>`;

const meta: Meta = {
  title: 'Elements/add-card-form',
  component: 'add-card-form',
  parameters: {
    docs: {
      description: {
        component:
          'Adds a card, or pays with a new one. The card number and security code go only to the tokenizer; the host endpoint ' +
          'receives a token and masked facts. These stories run against `MockHost` from `saved-cards/testing` ' +
          '(`form.client = host.client(); form.tokenizer = host.tokenizer();`), which answers the sandbox test numbers.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** Nothing typed yet. */
export const Empty: Story = {
  render: hosted({}, plain),
  play: async ({ canvasElement }) => {
    const form = find(canvasElement, 'add-card-form');
    await form.updateComplete;
    await expect(control(form, 'number').value).toBe('');
  },
};

/** Types a number and checks the form's formatting and the brand the drawing shows. */
function typing(number: string, formatted: string, brand: string): Story {
  return {
    render: hosted({}, plain),
    play: async ({ canvasElement }) => {
      const form = find(canvasElement, 'add-card-form');
      await typeInto(form, 'number', number);
      await expect(control(form, 'number').value).toBe(formatted);
      const flip = shadow(form).querySelector<CvvFlip>('cvv-flip')!;
      await flip.updateComplete;
      await expect(shadow(flip).querySelector('[part~="card"]')?.getAttribute('data-brand')).toBe(brand);
    },
  };
}

/** Visa: 4 × 4 groups, a 3-digit CVV on the back. */
export const TypingVisa: Story = typing(TEST_NUMBERS.visa, '4242 4242 4242 4242', 'visa');
/** American Express: 4-6-5 groups, a 4-digit CID on the front (the drawing does not flip). */
export const TypingAmex: Story = typing(TEST_NUMBERS.amex, '3782 822463 10005', 'american-express');
/** Mastercard. */
export const TypingMastercard: Story = typing(TEST_NUMBERS.mastercard, '5555 5555 5555 4444', 'mastercard');
/** Discover. */
export const TypingDiscover: Story = typing(TEST_NUMBERS.discover, '6011 1111 1111 1117', 'discover');
/** UnionPay. */
export const TypingUnionPay: Story = typing(TEST_NUMBERS.unionpay, '6200 0000 0000 0005', 'unionpay');

/** Submitted empty: every error shows, and focus goes to the first invalid field. */
export const ErrorsShown: Story = {
  render: hosted({}, plain),
  play: async ({ canvasElement }) => {
    const form = find(canvasElement, 'add-card-form');
    await form.updateComplete;
    await submit(form);
    await expect(textOf(form, '#number-error')).toBe('Enter your card number.');
    await expect(control(form, 'number').getAttribute('aria-invalid')).toBe('true');
    await expect(shadow(form).activeElement).toBe(control(form, 'number'));
  },
};

/** The account has a billing and a shipping address on file: the billing one is chosen, its fields locked. */
export const SavedAddressChoice: Story = {
  render: hosted({ addresses: addressesOnFile() }, (h) => html`<add-card-form .client=${h.client} .tokenizer=${h.tokenizer}></add-card-form>`),
  play: async ({ canvasElement }) => {
    const form = find(canvasElement, 'add-card-form');
    await until(() => shadow(form).querySelectorAll('input[name="address-choice"]').length === 3, 'the addresses on file');
    await expect(control(form, 'line1').readOnly).toBe(true);
  },
};

/** Pay mode: the button says what will be charged. */
export const PayWithAmount: Story = {
  render: hosted(
    {},
    (h) => html`<add-card-form mode="pay" amount="12000" currency="USD" locale="en-US" .client=${h.client} .tokenizer=${h.tokenizer}
      .savedAddresses=${[]}></add-card-form>`,
  ),
  play: async ({ canvasElement }) => {
    const form = find(canvasElement, 'add-card-form');
    await form.updateComplete;
    await expect(textOf(form, '[part~="submit"]')).toBe('Pay $120.00');
  },
};

/** A terms checkbox that must be ticked; its text (with a link) comes through the `terms` slot. */
export const TermsRequired: Story = {
  render: hosted(
    {},
    (h) => html`<add-card-form require-terms .client=${h.client} .tokenizer=${h.tokenizer} .savedAddresses=${[]}>
      <span slot="terms">I agree to the <a href="#terms">terms of service</a></span>
    </add-card-form>`,
  ),
  play: async ({ canvasElement }) => {
    const form = find(canvasElement, 'add-card-form');
    await form.updateComplete;
    await submit(form);
    await expect(textOf(form, '#terms-error')).toBe('Agree to the terms to continue');
  },
};

/** The host asks whether the card is credit or debit (a required choice). */
export const CreditDebitChoice: Story = {
  render: hosted({}, (h) => html`<add-card-form funding-choice .client=${h.client} .tokenizer=${h.tokenizer} .savedAddresses=${[]}></add-card-form>`),
  play: async ({ canvasElement }) => {
    const form = find(canvasElement, 'add-card-form');
    await form.updateComplete;
    await expect(shadow(form).querySelectorAll('input[name="funding"]').length).toBe(2);
  },
};

/** Fills the whole form with `number` and submits it. */
async function fillAndSubmit(canvas: HTMLElement, number: string): Promise<HTMLElementTagNameMap['add-card-form']> {
  const form = find(canvas, 'add-card-form');
  await form.updateComplete;
  await fillCard(form, number);
  await fillAddress(form);
  await submit(form);
  return form;
}

/**
 * The bank asks for a one-time code (test card ending 3155). The MockHost of this story expects
 * the code `123456` (`STORY_OTP`), as the sandbox gateway's "Demo phone" would show it: type it
 * and press Verify to finish.
 */
export const OneTimeCodeStep: Story = {
  render: hosted({}, plain),
  play: async ({ canvasElement }) => {
    const form = await fillAndSubmit(canvasElement, TEST_NUMBERS.oneTimeCode);
    await until(() => form.phase === 'verify', 'the verification step');
    await form.updateComplete;
    await expect(textOf(form, '[part~="verification"] #verify-heading')).toBe('Verify it’s you');
    await expect(textOf(form, '#verify-intro')).toContain('•••• 0142');
  },
};

/** A decline story: a sandbox test number, or a 402 with `declineCode` scripted on `POST /cards`. */
function decline(expected: string, number: string, declineCode?: string): Story {
  return {
    render: hosted({}, plain, ({ host }) => {
      if (declineCode) {
        host.fail(
          { target: 'host', method: 'POST', path: '/cards' },
          { status: 402, body: { error: { code: 'card_declined', message: 'The card was declined.', declineCode } } },
        );
      }
    }),
    play: async ({ canvasElement }) => {
      const form = await fillAndSubmit(canvasElement, number);
      await until(() => textOf(form, '[part~="decline"]') !== '', 'the decline');
      await expect(textOf(form, '[part~="decline"]')).toContain(expected);
    },
  };
}

/** Generic decline (also how lost, stolen and fraud declines look: telling a fraudster why helps them). */
export const DeclineGeneric: Story = decline('Your card was declined.', TEST_NUMBERS.declineGeneric);
/** Insufficient funds. */
export const DeclineInsufficientFunds: Story = decline('there isn’t enough available', TEST_NUMBERS.declineInsufficientFunds);
/** The bank says the card has expired. */
export const DeclineExpiredCard: Story = decline('because it has expired', TEST_NUMBERS.declineExpired);
/** Incorrect security code: the code field is emptied for another try. */
export const DeclineIncorrectCvc: Story = decline('the security code is incorrect', TEST_NUMBERS.declineIncorrectCvc);
/** The postal code does not match the card's billing address (`incorrect_zip`). */
export const DeclineIncorrectPostalCode: Story = decline('postal code doesn’t match', TEST_NUMBERS.visa, 'incorrect_zip');
/** The bank could not be reached (`issuer_not_available`): try again in a few minutes. */
export const DeclineTryAgainLater: Story = decline('couldn’t reach your bank', TEST_NUMBERS.visa, 'issuer_not_available');
/** The card cannot be used for this (`card_not_supported`). */
export const DeclineNotSupported: Story = decline('can’t be used for this kind of payment', TEST_NUMBERS.visa, 'card_not_supported');
/** The bank wants the customer to confirm it is them (`authentication_required`). */
export const DeclineAuthenticationRequired: Story = decline('needs you to confirm', TEST_NUMBERS.visa, 'authentication_required');

/** The save is on its way (the MockHost holds `POST /cards`): fields read-only, the button says so. */
export const Busy: Story = {
  render: hosted({}, plain, ({ host }) => void host.hold({ method: 'POST', path: '/cards' })),
  play: async ({ canvasElement }) => {
    const form = await fillAndSubmit(canvasElement, TEST_NUMBERS.visa);
    await until(() => textOf(form, '[part~="submit"]') === 'Adding card…', 'the busy state');
    await expect(control(form, 'name').readOnly).toBe(true);
  },
};

/** Saved: the confirmation names the card by brand and last four digits only. */
export const Success: Story = {
  render: hosted({}, plain),
  play: async ({ canvasElement }) => {
    const form = await fillAndSubmit(canvasElement, TEST_NUMBERS.visa);
    await until(() => form.phase === 'success', 'the confirmation');
    await form.updateComplete;
    await expect(textOf(form, '[part~="success"] .heading')).toBe('Visa ending in 4242 was added.');
  },
};

/** German: `form.messages = de` and `locale="de-DE"` (country names and amounts follow the locale). Submitted empty. */
export const GermanLocale: Story = {
  render: hosted(
    {},
    (h) => html`<div lang="de">
      <add-card-form mode="pay" amount="4990" currency="EUR" locale="de-DE" .messages=${de} .client=${h.client} .tokenizer=${h.tokenizer}
        .savedAddresses=${[]}></add-card-form>
    </div>`,
  ),
  play: async ({ canvasElement }) => {
    const form = find(canvasElement, 'add-card-form');
    await form.updateComplete;
    await expect(textOf(form, 'label[for="number"]')).toBe(de.numberLabel);
    await submit(form);
    await expect(textOf(form, '#number-error')).toBe(de.numberRequired);
    await expect(textOf(form, '[part~="submit"]')).toBe('49,90 € zahlen');
  },
};
