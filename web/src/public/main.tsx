// The public pages' entry (web/public.html): served at /, /connexion, /acces and /ma-structure.
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { Router } from 'wouter';
import { client } from '../client';
import { PublicApp } from './PublicApp';
import '../styles.css';
import './public.css';

createRoot(document.getElementById('root')!).render(
  <Provider value={client}>
    <Router>
      <PublicApp />
    </Router>
  </Provider>,
);
