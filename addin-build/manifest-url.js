'use strict';

// The manifest names the dev server; a production build points it at the deployed add-in. Kept out of
// webpack.config.js so the transform is tested without running webpack.

/** The dev server every URL in manifest.xml starts with. */
const DEV_URL = 'https://localhost:3000/';
/** Used when ADDIN_URL is not set: a placeholder that makes an unconfigured deployment obvious. */
const DEFAULT_PRODUCTION_URL = 'https://www.contoso.com/ceeas/';

/**
 * The production base URL from ADDIN_URL (or the default): an https URL, always ending with a slash so that
 * `<base>taskpane.html` is a path under it.
 * @param {string | undefined} value
 * @returns {string}
 */
function productionUrl(value) {
  const text = (value ?? '').trim() || DEFAULT_PRODUCTION_URL;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_URL "${text}" is not a URL (expected https://host/path/)`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`ADDIN_URL "${text}" must use https (Office loads add-ins over https only)`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL "${text}" must not have a query or a fragment`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * Rewrites every dev-server URL of the manifest to the production base URL, and the bare dev origin (as in
 * AppDomain) to the production origin.
 * @param {string} xml
 * @param {string} baseUrl from productionUrl()
 * @returns {string}
 */
function rewriteManifest(xml, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return xml
    .split(DEV_URL)
    .join(baseUrl)
    .replace(/https:\/\/localhost:3000(?![\w.-])/g, origin);
}

module.exports = { DEV_URL, DEFAULT_PRODUCTION_URL, productionUrl, rewriteManifest };
