/* Pôles Explorer — the déclaration d'accessibilité shows the contact set by the site that
 * publishes the explorer: "contact" in config.json beside index.html, an e-mail address or an
 * https:// page. Without it (or without JavaScript) the page's own text stays: contact the site. */
(function () {
  'use strict';
  var slot = document.querySelector('[data-contact-slot]');
  if (!slot || !window.fetch) return;
  fetch('config.json', { cache: 'no-cache' }).then(function (r) {
    var type = r.headers.get('content-type') || '';
    return r.ok && type.indexOf('json') >= 0 ? r.json() : null;
  }).then(function (config) {
    var value = config && typeof config.contact === 'string' ? config.contact.trim() : '';
    var href = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value) ? 'mailto:' + value : /^https:\/\/[^\s<>"]+$/i.test(value) ? value : '';
    if (!href) return;
    var link = document.createElement('a');
    link.href = href;
    link.textContent = value;
    link.setAttribute('data-testid', 'a11y-contact');
    slot.appendChild(link);
    slot.appendChild(document.createTextNode('.'));
    slot.hidden = false;
  }).catch(function () { /* no config.json: the general text stays */ });
})();
