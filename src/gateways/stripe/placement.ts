/**
 * Where Stripe's card fields live in the DOM.
 *
 * Stripe.js refuses to mount an Element whose container is inside a shadow root ("Elements cannot be
 * mounted in a ShadowRoot. Please mount in the Light DOM.", since late 2024; stripe/stripe-js#662,
 * #399): its frames must be reachable from the document. The form's own layout is in its shadow
 * root, so each field's container is created in the light DOM and projected into the layout
 * through a named slot.
 *
 * When the form itself sits in another component's shadow root, its light DOM is inside that shadow
 * root too. The container then goes up to the first host that is in the document (a light-DOM child
 * of the outermost host, "next to" the form in the document tree) and is re-projected down through
 * one forwarding `<slot>` per shadow level: a `<slot name="A" slot="B">` placed as a child of the
 * inner host takes whatever the outer host has in slot A and passes it on into the inner host's
 * slot B. Layout, focus order and events then behave as if the container were the form's own child.
 * The forwarding slots and the container are removed again by the cleanup.
 */

/** Whether `node` is in a shadow tree (where Stripe will not mount). */
export function inShadowRoot(node: Node): boolean {
  return node.getRootNode() instanceof ShadowRoot;
}

let sequence = 0;

/** What {@link placeInLightDom} did, to be undone. */
export interface Placement {
  /** The element Stripe mounts into: always in the document tree, never in a shadow root. */
  readonly container: HTMLElement;
  /** The forwarding slots created in the shadow trees between the form and the document (outermost last). */
  readonly forwards: readonly HTMLSlotElement[];
  /** Removes the container and the forwarding slots. */
  remove(): void;
}

/**
 * Creates a container for `host`'s slot `slotName` in the light DOM of the document and projects it
 * into that slot, forwarding through every shadow root between `host` and the document.
 *
 * @throws {Error} when `host` is not connected to a document (a detached tree has nowhere to mount).
 */
export function placeInLightDom(host: HTMLElement, slotName: string, className = ''): Placement {
  const container = document.createElement('div');
  if (className) container.className = className;
  const forwards: HTMLSlotElement[] = [];
  let target: Element = host;
  let name = slotName;
  let root = target.getRootNode();
  const id = ++sequence;
  while (root instanceof ShadowRoot) {
    // a named slot in the outer shadow tree, itself slotted into the inner host's slot
    const forward = document.createElement('slot');
    const outer = `${slotName}-${id}-${forwards.length + 1}`;
    forward.name = outer;
    forward.slot = name;
    target.append(forward);
    forwards.push(forward);
    target = root.host;
    name = outer;
    root = target.getRootNode();
  }
  if (!(root instanceof Document)) {
    for (const forward of forwards) forward.remove();
    throw new Error('The form is not in a document: the card fields have nowhere to mount.');
  }
  container.slot = name;
  target.append(container);
  return {
    container,
    forwards,
    remove() {
      container.remove();
      for (const forward of forwards) forward.remove();
    },
  };
}
