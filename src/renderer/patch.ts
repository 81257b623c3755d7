// Brings drawn DOM up to date with a freshly built copy, changing only what differs (a text, an
// attribute, a point), so a view repainted every frame of a drag keeps its elements and the browser
// restyles and lays out only what changed. After a patch the old DOM equals the fresh one. A subtree
// marked `data-static` is a function of that key alone (a chart's axes): the same key, it is not compared;
// a drawn node given back as its own fresh copy (a builder that saw nothing change) is left as it is.

/** Makes `parent`'s children equal to `fresh` (detached nodes, as a builder returns them). */
export function patchChildren(parent: ParentNode, fresh: readonly Node[]): void {
  const old = [...parent.childNodes];
  fresh.forEach((node, k) => {
    const current = old[k];
    if (!current) parent.appendChild(node);
    else if (current === node) return;
    else if (sameKind(current, node)) patchNode(current, node);
    else current.replaceWith(node);
  });
  for (const extra of old.slice(fresh.length)) extra.remove();
}

function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (!(a instanceof Element) || !(b instanceof Element)) return true;
  return a.namespaceURI === b.namespaceURI && a.tagName === b.tagName;
}

function patchNode(current: Node, fresh: Node): void {
  if (current instanceof CharacterData && fresh instanceof CharacterData) {
    if (current.data !== fresh.data) current.data = fresh.data;
    return;
  }
  if (!(current instanceof Element) || !(fresh instanceof Element)) return;
  const key = fresh.getAttribute('data-static');
  if (key !== null && current.getAttribute('data-static') === key) return;
  for (const name of current.getAttributeNames()) if (!fresh.hasAttribute(name)) current.removeAttribute(name);
  for (const name of fresh.getAttributeNames()) {
    const value = fresh.getAttribute(name) ?? '';
    if (current.getAttribute(name) !== value) current.setAttribute(name, value);
  }
  patchChildren(current, [...fresh.childNodes]);
}
