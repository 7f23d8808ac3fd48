import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

const meta: Meta = {
  title: 'Elements/cvv-flip',
  component: 'cvv-flip',
  render: () => html`<cvv-flip></cvv-flip>`,
};
export default meta;

export const Default: StoryObj = {};
