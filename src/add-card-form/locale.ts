/**
 * Locale-aware wording the form needs from `Intl`: country names for the billing address, the
 * amount on the Pay button, and the default country. Pure functions over `Intl`, no DOM.
 */

/**
 * ISO 3166-1 alpha-2 codes of every officially assigned country and territory. The names come from
 * `Intl.DisplayNames` in the customer's language, so the list holds codes only.
 */
export const COUNTRY_CODES: readonly string[] = Object.freeze(
  // grouped by first letter ("ADEF" is AD AE AF): half the bytes of the spelled-out list
  (
    'ADEFGILMOQRSTUWXZ BABDEFGHIJLMNOQRSTVWYZ CACDFGHIKLMNORUVWXYZ DEJKMOZ ECEGHRST FIJKMOR ' +
    'GABDEFGHILMNPQRSTUWY HKMNRTU IDELMNOQRST JEMOP KEGHIMNPRWYZ LABCIKRSTUVY MACDEFGHKLMNOPQRSTUVWXYZ ' +
    'NACEFGILOPRUZ OM PAEFGHKLMNRSTWY QA REOSUW SABCDEGHIJKLMNORSTVXYZ TCDFGHJKLMNORTVWZ UAGMSYZ VACEGINU ' +
    'WFS YET ZAMW'
  )
    .split(' ')
    .flatMap((group) => [...group.slice(1)].map((second) => group[0] + second)),
);

/** A country choice for the billing-address select. */
export interface CountryOption {
  /** ISO 3166-1 alpha-2 code. */
  code: string;
  /** The country's name in the customer's language. */
  name: string;
}

const countryCache = new Map<string, readonly CountryOption[]>();

/**
 * Every country, named in `locale` and sorted the way that language sorts. Falls back to English
 * names when the locale is unknown, and to the code when `Intl.DisplayNames` knows no name.
 */
export function countryOptions(locale: string): readonly CountryOption[] {
  const cached = countryCache.get(locale);
  if (cached) return cached;
  const tag = safeLocale(locale);
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' });
  } catch {
    names = null;
  }
  const collator = new Intl.Collator(tag);
  const options = COUNTRY_CODES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
  const frozen = Object.freeze(options);
  countryCache.set(locale, frozen);
  return frozen;
}

/**
 * The country a customer writing `locale` most likely lives in (`en-GB` → `GB`, `de` → `DE`), or
 * `'US'` when the locale names none. Only a default: the customer can choose another.
 */
export function defaultCountry(locale: string): string {
  try {
    const region = new Intl.Locale(safeLocale(locale)).maximize().region;
    if (region && COUNTRY_CODES.includes(region)) return region;
  } catch {
    // a malformed lang attribute: fall through
  }
  return 'US';
}

/**
 * Formats an amount in minor units (`12000`, `'USD'` → `$120.00`; `500`, `'JPY'` → `￥500`). The
 * number of minor digits comes from `Intl` (2 for USD, 0 for JPY, 3 for BHD). Returns `null` for an
 * unknown currency or a non-finite amount, so the caller shows a plain "Pay".
 */
export function formatMinorUnits(amount: number, currency: string, locale: string): string | null {
  if (!Number.isFinite(amount)) return null;
  try {
    const format = new Intl.NumberFormat(safeLocale(locale), { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount / 10 ** digits);
  } catch {
    return null;
  }
}

/** `locale` when `Intl` accepts it, otherwise `'en'`: a bad `lang` attribute must not break the form. */
export function safeLocale(locale: string): string {
  if (!locale) return 'en';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
