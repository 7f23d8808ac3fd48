/**
 * Start-up: from the module starting to load to the first render of one element, in a fresh page.
 * `?module=saved-cards.js&tag=card-list` measures an element of the drop-in bundle;
 * `?probe=floor` a one-line Lit element on the lit + card-validator floor bundle;
 * `?probe=card` jessepollak/card attached to a plain form. The result lands on `window.startup`.
 */
import type { LitElement as LitElementType, html as htmlType } from 'lit';
import type { repeat as repeatType } from 'lit/directives/repeat.js';
import type { StartupResult } from '../lib/protocol.js';
import { settle } from './dom.js';

interface FloorModule {
  LitElement: typeof LitElementType;
  html: typeof htmlType;
  repeat: typeof repeatType;
  cardValidator: { number(value: string): { isPotentiallyValid: boolean } };
}

type CardConstructor = new (options: { form: Element; container: Element }) => unknown;

/** `card-list` → `CardList`. */
function className(tag: string): string {
  return tag.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
}

let notRegistered = false;

/** Loads `url` as a module; returns [load ms, module]. */
async function load(url: string): Promise<[number, unknown]> {
  const start = performance.now();
  const mod: unknown = await import(/* @vite-ignore */ new URL(url, location.href).href);
  return [performance.now() - start, mod];
}

/** Runs `render`, settles what it rendered, forces layout; returns [render ms, layout ms]. */
async function firstRender(render: () => Element): Promise<[number, number]> {
  const start = performance.now();
  const el = render();
  await settle(el);
  const rendered = performance.now();
  void (el as HTMLElement).offsetHeight;
  return [rendered - start, performance.now() - rendered];
}

async function measure(): Promise<StartupResult> {
  const params = new URLSearchParams(location.search);
  const probe = params.get('probe');
  let loadMs: number;
  let timings: [number, number];
  if (probe === 'floor') {
    const [ms, mod] = await load('./floor.js');
    loadMs = ms;
    const { LitElement, html, repeat, cardValidator } = mod as FloorModule;
    // the least a Lit + card-validator element does on first render
    class FloorProbe extends LitElement {
      override render() {
        const valid = cardValidator.number('4').isPotentiallyValid;
        return html`<div part="list">${repeat(['a', 'b', 'c'], (x) => x, (x) => html`<span>${x} ${valid}</span>`)}</div>`;
      }
    }
    customElements.define('floor-probe', FloorProbe);
    timings = await firstRender(() => document.body.appendChild(document.createElement('floor-probe')));
  } else if (probe === 'card') {
    const [ms] = await load('./card-peer.js');
    loadMs = ms;
    const Card = (globalThis as { Card?: CardConstructor }).Card;
    if (!Card) throw new Error('card-peer.js did not define Card');
    timings = await firstRender(() => {
      const wrapper = document.createElement('div');
      const form = document.createElement('form');
      for (const name of ['number', 'name', 'expiry', 'cvc']) {
        const input = document.createElement('input');
        input.name = name;
        form.append(input);
      }
      const container = document.createElement('div');
      wrapper.append(container, form);
      document.body.append(wrapper);
      new Card({ form, container });
      return wrapper;
    });
  } else {
    const tag = params.get('tag') ?? '';
    const [ms, mod] = await load(params.get('module') ?? './saved-cards.js');
    loadMs = ms;
    timings = await firstRender(() => {
      if (!customElements.get(tag)) {
        // the bundle should have registered the tag itself; register it from its exports (the
        // runner reports this) so start-up is still measured
        const ctor = (mod as Record<string, CustomElementConstructor | undefined>)[className(tag)];
        if (typeof ctor !== 'function') throw new Error(`the module neither defines <${tag}> nor exports ${className(tag)}`);
        customElements.define(tag, ctor);
        notRegistered = true;
      }
      return document.body.appendChild(document.createElement(tag));
    });
  }
  const [render, layout] = timings;
  return {
    load: loadMs,
    render,
    total: loadMs + render + layout,
    crossOriginIsolated,
    ...(notRegistered ? { error: 'the module did not register its tag; measured after registering its exported class' } : {}),
  };
}

declare global {
  interface Window {
    /** Set by bench/pages/startup.ts when the measurement is done. */
    startup?: Promise<StartupResult>;
  }
}

window.startup = measure().catch((error: unknown) => ({
  load: Number.NaN,
  render: Number.NaN,
  total: Number.NaN,
  crossOriginIsolated,
  error: String(error),
}));
