/**
 * Theming: the same page (a card list and an add-card form) in the default look, a dark theme, a
 * "portal brand" theme and right-to-left. Every theme here is built only from the documented
 * custom properties (`--card-list-*`, `--add-card-form-*`, `--cvv-flip-*`) and parts (`::part(…)`);
 * nothing reaches into a shadow root. docs/theming.md lists them all.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { expect } from 'storybook/test';
import type { Messages } from '../src/i18n/index.js';
import { everydayCards, hosted, lastYear, mockCard, nextMonth, type StoryHost } from './support/fixtures.js';
import { control, find, listLoaded, shadow, submit, typeInto } from './support/play.js';

function themeCards() {
  return [
    ...everydayCards().slice(0, 2),
    mockCard({ id: 'card_soon', brand: 'discover', last4: '1117', nameOnCard: 'Ada Lovelace', ...nextMonth() }),
    mockCard({ id: 'card_old', brand: 'jcb', last4: '0505', nameOnCard: 'Ada Lovelace', ...lastYear() }),
  ];
}

/** The page every theme dresses: a list with every badge, and a form (its drawing is a <cvv-flip>). */
function page(h: StoryHost, messages: Partial<Messages> = {}): TemplateResult {
  return html`<div class="page">
    <card-list .client=${h.client} .tokenizer=${h.tokenizer} .messages=${messages}></card-list>
    <add-card-form .client=${h.client} .tokenizer=${h.tokenizer} .savedAddresses=${[]} .messages=${messages}></add-card-form>
  </div>`;
}

const pageLayout = html`<style>
  .page {
    display: grid;
    gap: 32px;
    max-width: 56rem;
  }
</style>`;

/** Submits the form empty so the theme's error colours show too. */
async function showErrors(canvas: HTMLElement): Promise<void> {
  await listLoaded(find(canvas, 'card-list'));
  const form = find(canvas, 'add-card-form');
  await form.updateComplete;
  await submit(form);
  await expect(control(form, 'number').getAttribute('aria-invalid')).toBe('true');
}

const meta: Meta = {
  title: 'Theming',
  parameters: {
    docs: {
      description: {
        component:
          'Themes built only from documented custom properties and `::part()` selectors. Custom properties inherit, so a ' +
          'theme can set them once on any ancestor (`.portal { --card-list-accent-color: … }`).',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** No theme: the defaults. Errors shown so their colours can be compared across themes. */
export const Default: Story = {
  render: hosted({ cards: themeCards() }, (h) => html`${pageLayout}${page(h)}`),
  play: async ({ canvasElement }) => showErrors(canvasElement),
};

/**
 * The dark-theme recipe (docs/theming.md): `color-scheme: dark` makes the inputs' system colours
 * dark, `color` sets the text, and one custom property per colour the elements draw: no `::part()`
 * is needed for colour.
 */
export const Dark: Story = {
  render: hosted(
    { cards: themeCards() },
    (h) => html`${pageLayout}
      <style>
        .theme-dark {
          color-scheme: dark;
          background: #0c111d;
          color: #f5f5f6;
          padding: 24px;

          --card-list-background: #161b26;
          --card-list-border-color: #333741;
          --card-list-muted-color: #94969c;
          --card-list-accent-color: #53b1fd;
          --card-list-accent-text-color: #0c111d;
          --card-list-danger-color: #f97066;
          --card-list-danger-background: #55160c;
          --card-list-danger-text-color: #0c111d;
          --card-list-warning-color: #fec84b;
          --card-list-warning-background: #4e1d09;
          --card-list-badge-color: #b2ddff;
          --card-list-badge-background: #102a56;
          --card-list-skeleton-color: #333741;
          --card-list-focus-ring: 2px solid #84caff;
          --card-list-backdrop: rgb(0 0 0 / 0.6);

          --add-card-form-error-color: #f97066;
          --add-card-form-accent: #1570ef;
          --add-card-form-accent-text-color: #fff;
          --add-card-form-border-color: #85888e;
          --add-card-form-focus-ring: #84caff;

          --cvv-flip-highlight: #fec84b;
          --cvv-flip-focus-ring: #84caff;
        }
      </style>
      <div class="theme-dark">${page(h)}</div>`,
  ),
  play: async ({ canvasElement }) => {
    await showErrors(canvasElement);
    // the Expired badge takes its dark colours from the custom properties alone
    const badge = shadow(find(canvasElement, 'card-list')).querySelector('[part~="badge-expired"]')!;
    await expect(getComputedStyle(badge).backgroundColor).toBe('rgb(85, 22, 12)');
    await expect(getComputedStyle(badge).color).toBe('rgb(249, 112, 102)');
  },
};

/**
 * A portal's own brand: its typeface, purple accent, square-ish corners, a shadowed row, pill
 * buttons and its own card drawing, all from custom properties and parts.
 */
export const PortalBrand: Story = {
  render: hosted(
    { cards: themeCards() },
    (h) => html`${pageLayout}
      <style>
        .theme-acme {
          font-family: 'Trebuchet MS', 'Segoe UI', system-ui, sans-serif;
          color: #101828;

          --card-list-accent-color: #6941c6;
          --card-list-badge-color: #53389e;
          --card-list-badge-background: #f4ebff;
          --card-list-border-color: #d6bbfb;
          --card-list-radius: 4px;
          --card-list-spacing: 14px;
          --card-list-focus-ring: 3px solid #9e77ed;

          --add-card-form-accent: #6941c6;
          --add-card-form-radius: 4px;
          --add-card-form-border-color: #7f56d9;
          --add-card-form-focus-ring: #9e77ed;
          --add-card-form-gap: 1.25rem;

          --cvv-flip-background: linear-gradient(135deg, #2c1c5f, #7f56d9);
          --cvv-flip-highlight: #fdb022;
          --cvv-flip-radius: 2cqi;
          --cvv-flip-font: 'Trebuchet MS', system-ui, sans-serif;
        }
        .theme-acme card-list::part(row) {
          box-shadow: 0 1px 3px rgb(16 24 40 / 0.1);
        }
        .theme-acme card-list::part(row-default) {
          border-inline-start: 4px solid #6941c6;
        }
        .theme-acme card-list::part(badge) {
          text-transform: uppercase;
          letter-spacing: 0.04em;
        }
        .theme-acme card-list::part(button),
        .theme-acme add-card-form::part(submit) {
          border-radius: 999px;
        }
        .theme-acme add-card-form::part(label) {
          font-weight: 600;
          font-size: 0.875rem;
        }
        .theme-acme add-card-form::part(input) {
          background: #fcfaff;
        }
      </style>
      <div class="theme-acme">${page(h)}</div>`,
  ),
  play: async ({ canvasElement }) => showErrors(canvasElement),
};

/** Arabic strings for the RTL story: a host passes its own locale (or part of one) through `messages`. */
const arabic: Partial<Messages> = {
  listLabel: 'البطاقات المحفوظة',
  listCardLabel: 'بطاقة {brand} المنتهية بالرقم {last4}',
  listAdd: 'إضافة بطاقة جديدة',
  listExpires: 'تنتهي في {expiry}',
  listExpiredOn: 'انتهت في {expiry}',
  listDefault: 'الافتراضية',
  listExpired: 'منتهية',
  listExpiringSoon: 'تنتهي قريبًا',
  listSetDefault: 'تعيين كافتراضية',
  listRemove: 'إزالة',
  listReplace: 'استبدال',
  listBlockedDefault: 'هذه بطاقتك الافتراضية. عيّن بطاقة أخرى كافتراضية أولًا.',
  formLabelAdd: 'إضافة بطاقة',
  numberLabel: 'رقم البطاقة',
  nameLabel: 'الاسم على البطاقة',
  expiryLabel: 'تاريخ الانتهاء (شهر / سنة)',
  expiryPlaceholder: 'MM / YY',
  codeLabel: 'رمز الأمان',
  codeHintBack: '{length} أرقام على ظهر البطاقة',
  codeHintFront: '{length} أرقام على وجه البطاقة',
  addressLegend: 'عنوان الفوترة',
  line1Label: 'العنوان',
  cityLabel: 'المدينة',
  regionLabel: 'المنطقة',
  countryLabel: 'الدولة',
  postalCode: 'الرمز البريدي',
  postalCodeZip: 'الرمز البريدي',
  submitAdd: 'إضافة البطاقة',
  flipShowBack: 'عرض ظهر البطاقة',
  flipShowFront: 'عرض وجه البطاقة',
  flipNamePlaceholder: 'الاسم على البطاقة',
  flipExpiryLabel: 'صالحة حتى',
};

/**
 * Right to left: `dir="rtl" lang="ar"` on an ancestor and Arabic strings through `messages`. The
 * layout mirrors. The form and the drawn card need nothing more: the number, expiry and code fields
 * read left to right (`dir="ltr"`) and the drawing is a picture of a physical card, left to right.
 * The list's masked numbers stay left to right through its `number` part, isolated from the Arabic
 * around them, so "•••• 4444" never reads "4444 ••••":
 *
 * - `::part(number)` of the list: `direction: ltr; unicode-bidi: isolate`;
 * - the list's brand marks (`::part(brand)`) are pictures: `direction: ltr`.
 */
export const RightToLeft: Story = {
  render: hosted(
    { cards: themeCards().map((c) => ({ ...c, nameOnCard: 'أدا لوفليس' })) },
    (h) => html`${pageLayout}
      <style>
        .rtl card-list::part(number) {
          direction: ltr;
          unicode-bidi: isolate;
        }
        .rtl card-list::part(brand) {
          direction: ltr;
        }
      </style>
      <div class="rtl" dir="rtl" lang="ar">${page(h, arabic)}</div>`,
  ),
  play: async ({ canvasElement }) => {
    const list = find(canvasElement, 'card-list');
    await listLoaded(list);
    const number = shadow(list).querySelector('[part~="number"]')!;
    await expect(getComputedStyle(number).direction).toBe('ltr');
    const form = find(canvasElement, 'add-card-form');
    await typeInto(form, 'number', '5555555555554444');
    await expect(control(form, 'number').value).toBe('5555 5555 5555 4444');
    await expect(getComputedStyle(control(form, 'number')).direction).toBe('ltr');
    await expect(getComputedStyle(control(form, 'name')).direction).toBe('rtl');
    const flip = shadow(form).querySelector('cvv-flip')!;
    await expect(getComputedStyle(shadow(flip).querySelector('[part~="card"]')!).direction).toBe('ltr');
  },
};
