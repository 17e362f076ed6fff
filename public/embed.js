/* Pôles Explorer — host-page script for embedding (no dependency).
 *
 *   <iframe src="https://EXPLORER/?embed=1&region=27" title="…" data-poles-explorer
 *           width="100%" height="800" style="border:0"></iframe>
 *   <script src="https://EXPLORER/embed.js" defer></script>
 *
 * Resizes each iframe marked `data-poles-explorer` to the height its content posts with
 * postMessage({type: "poles-explorer:height", height}). A message is accepted only from the
 * iframe's own window and origin; the height is clamped between 300 and 20000 pixels. */
(function () {
  'use strict';
  var MIN = 300, MAX = 20000;
  function originOf(frame) {
    try { return new URL(frame.getAttribute('src'), window.location.href).origin; } catch (e) { return null; }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'poles-explorer:height') return;
    var height = Number(data.height);
    if (!isFinite(height)) return;
    var frames = document.querySelectorAll('iframe[data-poles-explorer]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (event.origin !== originOf(frame)) continue;
      frame.style.height = Math.max(MIN, Math.min(MAX, Math.ceil(height))) + 'px';
    }
  });
})();
