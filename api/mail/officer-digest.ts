// The officers' daily digest, in French: what is new since the last one, each part with a link to its console page.
import escapeHtml from 'escape-html';
import { mailPage, type RenderedMail } from './templates';

export interface DigestSection {
  title: string;
  /** One line per item (plain text, escaped in the HTML part). */
  items: string[];
  /** Where the officer deals with them. */
  url: string;
}

/** Nothing to say: no section holds an item (the caller then sends nothing). */
export const digestIsEmpty = (sections: DigestSection[]): boolean => sections.every((s) => s.items.length === 0);

export function renderOfficerDigest(m: { day: string; sections: DigestSection[] }): RenderedMail {
  const shown = m.sections.filter((s) => s.items.length > 0);
  const subject = `Passerelle ESS : votre récapitulatif du ${m.day}`;
  const intro = 'Bonjour,\n\nVoici ce qui est arrivé depuis votre dernier récapitulatif.';
  const text = [
    intro,
    ...shown.map((s) => [``, `${s.title} (${s.items.length})`, ...s.items.map((i) => `- ${i}`), `→ ${s.url}`].join('\n')),
    '',
    'Vous recevez ce courriel parce que vous l’avez demandé dans la console (« Mon compte ») ; vous pouvez l’y arrêter.',
    '',
  ].join('\n');
  const html = mailPage(
    subject,
    `<p>Bonjour,</p>
<p>Voici ce qui est arrivé depuis votre dernier récapitulatif.</p>
${shown
  .map(
    (s) => `<h2 style="font-size: 17px;">${escapeHtml(s.title)} (${s.items.length})</h2>
<ul>${s.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>
<p><a href="${escapeHtml(s.url)}">Ouvrir dans la console</a></p>`,
  )
  .join('\n')}
<p style="color: #555;">Vous recevez ce courriel parce que vous l’avez demandé dans la console (« Mon compte ») ; vous pouvez l’y arrêter.</p>`,
  );
  return { subject, text, html };
}
