/** Entry of the newsroom app: styles, same-app link handling, and the app itself. */
import { render } from 'preact';
import './styles.css';
import { App } from './app.js';
import { interceptLinks } from './router.js';

const root = document.getElementById('app');
if (root) {
  interceptLinks(document.body);
  root.textContent = '';
  render(<App />, root);
}
