// an ambient declaration for a file that ships no types: referenced, since there is nothing to import
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./vue-full-build.d.ts" />
/**
 * Mounts the Vue example. Two settings every Vue app using the tags needs:
 *
 * 1. `isCustomElement`, so Vue leaves the tags to the browser. With Vite + @vitejs/plugin-vue it
 *    goes in `vue({ template: { compilerOptions: { isCustomElement } } })` instead.
 * 2. The tags registered once: `import 'saved-cards/define'`.
 *
 * Templates written as strings (as here) need Vue's full build, with its template compiler; an
 * app of single-file components compiles them at build time and uses plain `'vue'`.
 */
import { createApp, type App } from 'vue/dist/vue.esm-bundler.js';
import '../../src/define.js'; // in your app: import 'saved-cards/define';
import type {} from '../../src/types/vue.js'; // in your app: import type {} from 'saved-cards/vue';
import { PaymentMethods } from './PaymentMethods.js';

const TAGS = ['card-list', 'add-card-form', 'cvv-flip'];

/** Mounts the page in `target` with `props` (`{ endpoint: '/api', tokenEndpoint }`). */
export function mountPaymentMethods(target: Element, props: InstanceType<typeof PaymentMethods>['$props']): App {
  const app = createApp(PaymentMethods, props);
  app.config.compilerOptions.isCustomElement = (tag) => TAGS.includes(tag);
  app.mount(target);
  return app;
}
