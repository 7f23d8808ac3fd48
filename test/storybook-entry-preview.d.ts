// @storybook/web-components ships its preview entry without types; the stories test imports it.
declare module '@storybook/web-components/entry-preview' {
  import type { ProjectAnnotations } from 'storybook/internal/types';
  import type { WebComponentsRenderer } from '@storybook/web-components';

  export const parameters: ProjectAnnotations<WebComponentsRenderer>['parameters'];
  export const render: ProjectAnnotations<WebComponentsRenderer>['render'];
  export const renderToCanvas: ProjectAnnotations<WebComponentsRenderer>['renderToCanvas'];
}
