import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { Router } from 'wouter';
import { App } from './App';
import { client } from './client';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <Provider value={client}>
    <Router base="/console">
      <App />
    </Router>
  </Provider>,
);
