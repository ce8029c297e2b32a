// The directory search alone, for an iframe on the Métropole's website (/embed/annuaire, allowed by
// FRAME_ANCESTORS). The snippet presets filters in the query string (communeCode, servesCommuneCode,
// inclusionKinds, text: the names of SupplierFilter and /directory.geojson, read by the search itself,
// which keeps its state there), and the page tells its parent its height
// at every change, so that the frame grows with the results (docs/api.md gives the parent's part).
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { client } from '../client';
import { DirectorySearch } from '../components/directory-search';
import '../styles.css';
import '../public/public.css';

/** The message the parent page listens for. */
const HEIGHT_MESSAGE = 'passerelle-ess:hauteur';

const root = document.getElementById('root')!;
createRoot(root).render(
  <Provider value={client}>
    <main id="contenu">
      <DirectorySearch headingLevel={1} linkTarget="_top" />
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
