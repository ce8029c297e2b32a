// The directory search alone, for an iframe on the Métropole's website (/embed/annuaire, allowed by
// FRAME_ANCESTORS). The snippet presets filters in the query string (communeCode, inclusionKinds,
// text: the names of SupplierFilter and /directory.geojson), and the page tells its parent its height
// at every change, so that the frame grows with the results (docs/api.md gives the parent's part).
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { INCLUSION_KIND_FR } from '../../../api/reference/vocabulary';
import { client } from '../client';
import { DirectorySearch, type DirectoryPreset } from '../components/directory-search';
import type { InclusionKind } from '../gql/graphql';
import '../styles.css';
import '../public/public.css';

/** The message the parent page listens for. */
const HEIGHT_MESSAGE = 'passerelle-ess:hauteur';

function presetOf(search: string): DirectoryPreset {
  const params = new URLSearchParams(search);
  // Repeated or comma-separated, as /directory.geojson takes them; unknown kinds are left out.
  const kinds = params
    .getAll('inclusionKinds')
    .flatMap((v) => v.split(','))
    .map((k) => k.trim())
    .filter((k): k is InclusionKind => Object.hasOwn(INCLUSION_KIND_FR, k));
  const communeCode = params.get('communeCode')?.trim();
  const text = params.get('text')?.trim();
  return { ...(kinds.length ? { inclusionKinds: kinds } : {}), ...(communeCode ? { communeCode } : {}), ...(text ? { text } : {}) };
}

const root = document.getElementById('root')!;
createRoot(root).render(
  <Provider value={client}>
    <main id="contenu">
      <DirectorySearch preset={presetOf(window.location.search)} headingLevel={1} linkTarget="_top" />
    </main>
  </Provider>,
);

// The height of the content, not of the frame (the document is at least as tall as the frame).
let sent = -1;
new ResizeObserver(() => {
  const height = Math.ceil(root.getBoundingClientRect().height + parseFloat(getComputedStyle(document.body).marginTop) + parseFloat(getComputedStyle(document.body).marginBottom));
  if (height === sent || window.parent === window) return;
  sent = height;
  // A height tells nothing private: any parent may read it.
  window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
}).observe(root);
