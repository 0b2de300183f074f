// Skip links ("Skip to content", "Skip to navigation") move focus to their target without touching the URL: a
// fragment change fires popstate, which the router answers by rendering the page again (the feed would restart).
export function startSkipLinks() {
  document.addEventListener('click', (e) => {
    const link = e.target.closest('a.skip-link');
    const target = link && document.getElementById(link.hash.slice(1));
    if (!target) return;
    e.preventDefault();
    target.focus();
  });
}
