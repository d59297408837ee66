import { createRoot, type Root } from 'react-dom/client';
import { App } from './App';
import { languageOf, stringsFor, TAB_IDS, type TabId } from './i18n';
import { officeTaskpaneActions } from './officeActions';

// Renders when Office is ready, or anyway when the page is opened outside Office (a plain browser, a test page),
// so the pane can be looked at and tested anywhere; outside Excel every action fails with a message.
let root: Root | null = null;
let inOffice = false;

function render(): void {
  const element = document.getElementById('root');
  if (!element) return;
  const lang = languageOf(inOffice ? Office.context?.displayLanguage : navigator.language);
  const hash = window.location.hash.slice(1);
  const initialTab = (TAB_IDS as string[]).includes(hash) ? (hash as TabId) : 'setup';
  root ??= createRoot(element);
  root.render(
    <App
      actions={officeTaskpaneActions(stringsFor(lang), lang)}
      lang={lang}
      inOffice={inOffice}
      initialTab={initialTab}
    />,
  );
}

if (typeof Office === 'undefined') {
  render();
} else {
  Office.onReady((info) => {
    inOffice = Boolean(info.host);
    render();
  }).catch(render);
  // A slow host (or office.js without one) must not leave the page blank; a later onReady re-renders in place.
  setTimeout(() => root ?? render(), 3000);
}
