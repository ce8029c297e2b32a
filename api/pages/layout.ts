// The small French pages served on links from emails: one layout, every interpolated string escaped.
import escapeHtml from 'escape-html';
import { LEGAL_PAGES } from '../reference/vocabulary';

export const esc = (text: string): string => escapeHtml(text);

/** A whole page; `body` is HTML already built from escaped parts. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)} — Passerelle ESS</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; color: #1e1e1e; line-height: 1.5; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
legend { font-weight: bold; margin-bottom: .5rem; }
label { display: block; margin: .25rem 0; }
textarea { display: block; width: 100%; min-height: 6rem; font: inherit; }
button { font: inherit; padding: .5rem 1rem; background: #1f5c3a; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
button:focus, textarea:focus, input:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.hint { color: #4a4a4a; }
.notice { border-left: 4px solid #1f5c3a; padding-left: .75rem; }
.error { border-left: 4px solid #b00020; padding-left: .75rem; }
.error-summary { border: 4px solid #b00020; padding: .5rem 1rem; margin-bottom: 1.5rem; }
.error-summary:focus { outline: 3px solid #ffbf47; }
.error-summary h2 { margin-top: 0; }
.error-summary a { color: #b00020; font-weight: bold; }
.field { margin-bottom: 1rem; }
.field-error { border-left: 4px solid #b00020; padding-left: .75rem; }
.error-message { color: #b00020; font-weight: bold; margin: .25rem 0; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
a { color: #1f5c3a; }
a:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
footer { margin-top: 3rem; border-top: 1px solid #c8c8c8; }
.legal { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1.5rem; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #c8c8c8; padding: .4rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; hyphens: auto; }
</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
${body}
</main>
<footer>
<nav aria-label="Informations légales"><ul class="legal">${LEGAL_PAGES.map((p) => `<li><a href="${p.path}">${esc(p.title)}</a></li>`).join('')}</ul></nav>
<p class="hint">Passerelle ESS — Métropole Rouen Normandie</p>
</footer>
</body>
</html>
`;
}
