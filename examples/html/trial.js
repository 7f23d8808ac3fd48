// Trial-only glue for trying the page against the reference server (examples/html/serve.mjs).
// A real portal renders the CSRF token into <meta name="csrf-token"> on the server and handles
// `session-expired` by sending the customer to its own sign-in page.

// listen first: the list may hear its 401 before anything below finishes
document.addEventListener('session-expired', () => {
  document.getElementById('signed-out').hidden = false;
});
// the events carry masked facts only: brand, last four digits, expiry
document.addEventListener('default-changed', (e) => {
  document.getElementById('last-event').textContent = `Default card: ${e.detail.card.brand} •••• ${e.detail.card.last4}`;
});

// the reference server's demo-only GET /api/session hands back the signed-in session's CSRF token
const response = await fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
if (response.ok) {
  const { csrfToken } = await response.json();
  document.querySelector('meta[name="csrf-token"]').setAttribute('content', csrfToken);
}
