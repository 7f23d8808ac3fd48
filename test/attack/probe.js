// The card-data probe: records what a page's own scripts could see (event details, console output,
// errors) and searches everything a script could read (the DOM with its open shadow roots and the
// properties of its elements, storage, IndexedDB, cookies, window's own properties, the URL and the
// resource timing entries) for card numbers and security codes.
//
// Plain JavaScript with no imports, so the same file runs in Web Test Runner (imported as a module)
// and in the end-to-end run against the reference server (read from disk and injected before the
// page's own scripts; see test/server/attack-e2e.test.ts). Types: probe.d.ts.
/* eslint-disable no-console -- the probe wraps the console to record what the page logs */

/** Events the elements fire, plus the native ones a skimmer would listen to. */
export const PROBED_EVENTS = [
  'card-added', 'card-remove', 'card-removed', 'default-changed', 'card-select', 'removal-blocked',
  'session-expired', 'payment-succeeded', 'payment-failed', 'verification-required', 'add-card-cancel',
  'input', 'beforeinput', 'change', 'submit', 'formdata', 'invalid', 'paste', 'copy', 'cut', 'keydown',
  'keyup', 'focusin', 'focusout', 'compositionend', 'reset', 'toggle', 'securitypolicyviolation',
];

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group', 'groupCollapsed', 'assert'];

function safeString(value) {
  if (typeof value === 'string') return value;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // circular or exotic: fall through
  }
  try {
    return String(value);
  } catch {
    return '';
  }
}

/** The string values of a value, one level down (objects and arrays), as a script would read them. */
function shallowStrings(value) {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object') return [];
  const out = [];
  let keys = [];
  try {
    keys = Object.keys(value);
  } catch {
    return out;
  }
  for (const key of keys.slice(0, 200)) {
    try {
      const inner = value[key];
      if (typeof inner === 'string') out.push(inner);
    } catch {
      // a getter that throws
    }
  }
  return out;
}

/**
 * Starts recording. `secrets` are the card numbers (digits only) and security codes to look for.
 * Returns the probe; `stop()` removes every listener and wrapper.
 */
export function installProbe() {
  const events = [];
  const logs = [];
  const errors = [];
  const violations = [];
  const onEvent = (event) => {
    const detail = 'detail' in event ? event.detail : undefined;
    events.push({ type: event.type, detail: detail === undefined || detail === null ? '' : safeString(detail) });
    if (event.type === 'securitypolicyviolation') {
      violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    }
  };
  for (const type of PROBED_EVENTS) {
    window.addEventListener(type, onEvent, { capture: true });
    document.addEventListener(type, onEvent, { capture: true });
  }
  const onError = (event) => errors.push(`${event.message} ${event.error && event.error.stack ? event.error.stack : ''}`);
  const onRejection = (event) => {
    const reason = event.reason;
    errors.push(reason instanceof Error ? `${reason.name}: ${reason.message} ${reason.stack ?? ''}` : safeString(reason));
  };
  window.addEventListener('error', onError, { capture: true });
  window.addEventListener('unhandledrejection', onRejection, { capture: true });
  const originals = {};
  for (const method of CONSOLE_METHODS) {
    const original = console[method];
    if (typeof original !== 'function') continue;
    originals[method] = original;
    console[method] = function (...args) {
      logs.push(`${method}: ${args.map(safeString).join(' ')}`);
      return original.apply(this, args);
    };
  }

  return {
    /** Event types and details seen so far. */
    events,
    /** Console output so far. */
    logs,
    /** Uncaught errors and unhandled rejections so far. */
    errors,
    /** Content Security Policy violations reported so far. */
    violations,
    /** Records an error the caller caught (a rejected element API call), so it is searched too. */
    recordError(error) {
      errors.push(error instanceof Error ? `${error.name}: ${error.message} ${error.stack ?? ''}` : safeString(error));
    },
    stop() {
      for (const type of PROBED_EVENTS) {
        window.removeEventListener(type, onEvent, { capture: true });
        document.removeEventListener(type, onEvent, { capture: true });
      }
      window.removeEventListener('error', onError, { capture: true });
      window.removeEventListener('unhandledrejection', onRejection, { capture: true });
      for (const [method, original] of Object.entries(originals)) console[method] = original;
    },
  };
}

/** Text, attributes, control values and element properties of `root` and every open shadow root below it. */
export function domTexts(root = document) {
  const texts = [];
  const walk = (node, where) => {
    const all = node.querySelectorAll('*');
    // the whole subtree's text at once: a number drawn one digit per <span> only shows up joined
    const whole = node === document ? document.documentElement.textContent : node.textContent;
    texts.push({ where: `${where} text`, text: whole ?? '' });
    for (const el of all) {
      const name = el.localName;
      for (const attr of el.attributes) texts.push({ where: `${where} ${name}[${attr.name}]`, text: attr.value });
      if ('value' in el && typeof el.value === 'string') texts.push({ where: `${where} ${name}.value`, text: el.value });
      if (el.localName === 'template') texts.push({ where: `${where} template`, text: el.content.textContent ?? '' });
      // a custom element's own properties: a Lit element's declared properties, and anything set on it
      const ctor = el.constructor;
      const declared = ctor && ctor.elementProperties instanceof Map ? [...ctor.elementProperties.keys()] : [];
      for (const key of new Set([...declared, ...Object.keys(el)])) {
        let value;
        try {
          value = el[key];
        } catch {
          continue;
        }
        if (typeof value === 'string' || (value && typeof value === 'object' && !(value instanceof Node))) {
          texts.push({ where: `${where} ${name}.${String(key)}`, text: typeof value === 'string' ? value : shallowStrings(value).join(' ') });
        }
      }
      if (el.shadowRoot) walk(el.shadowRoot, `${where} ${name}::shadow`);
    }
  };
  walk(root, 'document');
  return texts;
}

/** localStorage, sessionStorage, cookies, IndexedDB (every database, store and record), the URL. */
export async function storageTexts() {
  const texts = [];
  for (const [name, store] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      texts.push({ where: `${name}[${key}]`, text: `${key} ${store.getItem(key)}` });
    }
  }
  texts.push({ where: 'document.cookie', text: document.cookie });
  texts.push({ where: 'location', text: location.href });
  texts.push({ where: 'history.state', text: safeString(history.state) });
  if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
    for (const info of await indexedDB.databases()) {
      texts.push({ where: 'indexedDB name', text: info.name ?? '' });
      const db = await new Promise((resolve) => {
        const request = indexedDB.open(info.name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
      });
      if (!db) continue;
      for (const storeName of db.objectStoreNames) {
        const records = await new Promise((resolve) => {
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve([]);
        });
        texts.push({ where: `indexedDB ${info.name}/${storeName}`, text: safeString(records) });
      }
      db.close();
    }
  }
  for (const entry of performance.getEntries()) texts.push({ where: `performance ${entry.entryType}`, text: entry.name });
  return texts;
}

/** window's own properties, enumerable or not: string values, and the strings one level inside objects. */
export function windowTexts(skip = []) {
  const texts = [];
  for (const name of Object.getOwnPropertyNames(window)) {
    if (skip.includes(name)) continue;
    let value;
    try {
      value = window[name];
    } catch {
      continue;
    }
    if (typeof value === 'function' || value === window || value instanceof Node) continue;
    for (const text of shallowStrings(value)) texts.push({ where: `window.${name}`, text });
  }
  return texts;
}

/**
 * The shapes a card number takes on a page: bare digits, grouped 4-4-4-4 (or Amex 4-6-5) with spaces
 * and with dashes. A search of digits-only text is done separately (see {@link findSecrets}).
 */
export function numberShapes(number) {
  const groups = number.length === 15 ? [4, 6, 5] : number.match(/.{1,4}/g).map((g) => g.length);
  const parts = [];
  let at = 0;
  for (const size of groups) {
    parts.push(number.slice(at, at + size));
    at += size;
  }
  return [number, parts.join(' '), parts.join('-'), parts.join('\u00a0')];
}

/**
 * Where `texts` hold one of the card numbers (in any shape, or as digits once everything else is
 * removed, which catches a number drawn one digit per element) or one of the security codes (as a
 * whole number: not part of a longer run of letters or digits).
 */
export function findSecrets(texts, { numbers = [], codes = [] } = {}) {
  const found = [];
  for (const { where, text } of texts) {
    if (!text) continue;
    const digits = text.replace(/[^0-9]/g, '');
    for (const number of numbers) {
      if (numberShapes(number).some((shape) => text.includes(shape)) || digits.includes(number)) {
        found.push(`${where}: card number …${number.slice(-4)}`);
      }
    }
    for (const code of codes) {
      if (new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`).test(text)) found.push(`${where}: security code`);
    }
  }
  return found;
}
