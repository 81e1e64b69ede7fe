/*
 * Small behaviours that need no framework; kept out of inline scripts so the
 * Content-Security-Policy can forbid them.
 */
document.addEventListener('submit', (event) => {
  const form = event.target
  const message = form instanceof HTMLFormElement ? form.dataset.confirm : undefined
  if (message && !window.confirm(message)) event.preventDefault()
})

/* A form that came back with errors puts the keyboard on its first faulty field. */
document.addEventListener('DOMContentLoaded', () => {
  const invalid = document.querySelector('[aria-invalid="true"]')
  if (invalid instanceof HTMLElement) invalid.focus()
})

if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {})
  })
}
