/**
 * Start-up: from a module starting to load to the first render of what it provides, in a fresh page.
 * Each page measures one probe and the floor probe, one after the other (the runner alternates the
 * order), so both sides of a ratio share the page's and the machine's conditions:
 * - `element`: an element of the drop-in bundle (`saved-cards.js`);
 * - `floor`: a one-line Lit element on the lit + repeat + card-validator floor bundle;
 * - `card`: jessepollak/card attached to a plain form.
 * The runner calls `window.measureStartup(probes)` once the fresh page has gone idle.
 */
import type { LitElement as LitElementType, html as htmlType } from 'lit';
import type { repeat as repeatType } from 'lit/directives/repeat.js';
import type { StartupProbe, StartupResult } from '../lib/protocol.js';
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

async function floor(): Promise<[number, [number, number]]> {
  const [loadMs, mod] = await load('./floor.js');
  const { LitElement, html, repeat, cardValidator } = mod as FloorModule;
  // the least a Lit + card-validator element does on first render
  class FloorProbe extends LitElement {
    override render() {
      const valid = cardValidator.number('4').isPotentiallyValid;
      return html`<div part="list">${repeat(['a', 'b', 'c'], (x) => x, (x) => html`<span>${x} ${valid}</span>`)}</div>`;
    }
  }
  customElements.define('floor-probe', FloorProbe);
  return [loadMs, await firstRender(() => document.body.appendChild(document.createElement('floor-probe')))];
}

async function card(): Promise<[number, [number, number]]> {
  const [loadMs] = await load('./card-peer.js');
  const Card = (globalThis as { Card?: CardConstructor }).Card;
  if (!Card) throw new Error('card-peer.js did not define Card');
  const timings = await firstRender(() => {
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
  return [loadMs, timings];
}

async function element(tag: string, notes: string[]): Promise<[number, [number, number]]> {
  const [loadMs, mod] = await load('./saved-cards.js');
  const timings = await firstRender(() => {
    if (!customElements.get(tag)) {
      // the bundle should have registered the tag itself; register it from its exports (the
      // runner reports this) so start-up is still measured
      const ctor = (mod as Record<string, CustomElementConstructor | undefined>)[className(tag)];
      if (typeof ctor !== 'function') throw new Error(`the module neither defines <${tag}> nor exports ${className(tag)}`);
      customElements.define(tag, ctor);
      notes.push('the module did not register its tag; measured after registering its exported class');
    }
    return document.body.appendChild(document.createElement(tag));
  });
  return [loadMs, timings];
}

async function measure(probe: StartupProbe): Promise<StartupResult> {
  const notes: string[] = [];
  try {
    const [loadMs, [render, layout]] =
      probe.kind === 'floor' ? await floor() : probe.kind === 'card' ? await card() : await element(probe.tag, notes);
    return { load: loadMs, render, total: loadMs + render + layout, crossOriginIsolated, ...(notes.length ? { error: notes.join('; ') } : {}) };
  } catch (error) {
    return { load: Number.NaN, render: Number.NaN, total: Number.NaN, crossOriginIsolated, error: String(error) };
  }
}

declare global {
  interface Window {
    /** Set by bench/pages/startup.ts: measures the probes one after the other, in order. */
    measureStartup?: (probes: StartupProbe[]) => Promise<StartupResult[]>;
  }
}

window.measureStartup = async (probes) => {
  const results: StartupResult[] = [];
  for (const probe of probes) results.push(await measure(probe));
  return results;
};
