/* Pôles Explorer — registers the service worker (offline use) and relays updates to the app:
 * dispatches `poles-explorer:update-ready` on window when a new version is waiting, and applies it
 * when the app dispatches `poles-explorer:apply-update`. */
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;
  var scope = document.baseURI;
  var reloading = false;
  function announce(reg) {
    window.__polesExplorerWaiting = reg.waiting;
    window.dispatchEvent(new CustomEvent('poles-explorer:update-ready'));
  }
  window.addEventListener('poles-explorer:apply-update', function () {
    var w = window.__polesExplorerWaiting;
    if (w) w.postMessage('skipWaiting');
  });
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (reloading || !window.__polesExplorerWaiting) return;
    reloading = true;
    window.location.reload();
  });
  window.addEventListener('load', function () {
    navigator.serviceWorker.register(new URL('sw.js', scope).href, { scope: new URL('./', scope).href }).then(function (reg) {
      if (reg.waiting && navigator.serviceWorker.controller) announce(reg);
      reg.addEventListener('updatefound', function () {
        var sw = reg.installing;
        if (!sw) return;
        sw.addEventListener('statechange', function () {
          if (sw.state === 'installed' && navigator.serviceWorker.controller) announce(reg);
        });
      });
    }).catch(function (e) { console.warn('Pôles Explorer: service worker not registered', e); });
  });
})();
