// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/lib/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// "Print this report": shown only where a script can print; the browser's own print works without it.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
