/// <reference types="vite/client" />
/**
 * Every story is a test: it renders in the browser with no uncaught error, its `play` function
 * runs, and axe finds no violation in what it shows. Stories are collected by Vite's glob import,
 * so a new story file is tested without touching this file.
 */
import { expect } from '@open-wc/testing';
import * as webComponentsAnnotations from '@storybook/web-components/entry-preview';
import { composeConfigs, composeStories } from 'storybook/preview-api';
import type { ComposedStoryFn, Store_CSFExports } from 'storybook/internal/types';
import previewAnnotations from '../.storybook/preview.js';

// passed explicitly: the web-components renderer (renderToCanvas) plus our preview
const annotations = composeConfigs([webComponentsAnnotations, previewAnnotations]);

const modules = import.meta.glob<Store_CSFExports>('../stories/**/*.stories.ts', { eager: true });

describe('stories', () => {
  it('are collected', () => {
    expect(Object.keys(modules).length).to.be.greaterThan(0);
  });

  for (const [path, module] of Object.entries(modules)) {
    describe(path.replace('../stories/', ''), () => {
      const stories = Object.entries(composeStories(module, annotations)) as [string, ComposedStoryFn][];
      for (const [name, story] of stories) {
        it(`${name}: renders, plays, and is accessible`, async () => {
          const canvas = document.createElement('div');
          document.body.append(canvas);
          const errors: unknown[] = [];
          const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
          window.addEventListener('error', onError);
          window.addEventListener('unhandledrejection', onError);
          try {
            await story.run({ canvasElement: canvas });
            // let elements finish their first fetch/render before auditing
            await new Promise((r) => setTimeout(r, 50));
            expect(errors, 'uncaught errors').to.deep.equal([]);
            expect(canvas.childElementCount, 'something rendered').to.be.greaterThan(0);
            await expect(canvas).to.be.accessible();
          } finally {
            window.removeEventListener('error', onError);
            window.removeEventListener('unhandledrejection', onError);
            canvas.remove();
          }
        });
      }
    });
  }
});
