// Which mermaid theme fits VS Code's current theme, and a watcher for theme switches.

/** VS Code marks the webview body with `vscode-dark`, `vscode-light`, `vscode-high-contrast(-light)`. */
export function isDarkTheme(): boolean {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return false;
  return classes.contains('vscode-dark') || classes.contains('vscode-high-contrast');
}

/** Calls `onChange` when the body's theme class flips between dark and light; returns the stop function. */
export function watchTheme(onChange: (dark: boolean) => void): () => void {
  let dark = isDarkTheme();
  const observer = new MutationObserver(() => {
    const now = isDarkTheme();
    if (now === dark) return;
    dark = now;
    onChange(now);
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
