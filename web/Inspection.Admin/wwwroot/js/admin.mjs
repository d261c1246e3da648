// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/lib/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// "Print this report": shown only where a script can print; the browser's own print works without it.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}

// Long parts of a page closed on screen (the report's key questions) are printed open.
window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll('details[data-print-open]')) details.open = true
})
