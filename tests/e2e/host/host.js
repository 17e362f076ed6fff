// Test host page: embeds the explorer given by ?app=URL&q=QUERY exactly as the "Intégrer" code does.
(function () {
  var params = new URLSearchParams(location.search);
  var app = params.get('app') || (location.origin + '/');
  var query = params.get('q') || 'embed=1';
  var frame = document.createElement('iframe');
  frame.src = app + '?' + query;
  frame.title = 'Pôles de compétitivité (test)';
  frame.setAttribute('data-poles-explorer', '');
  frame.style.border = '0';
  frame.style.width = '100%';
  frame.style.height = '800px';
  document.getElementById('slot').appendChild(frame);
  var script = document.createElement('script');
  script.src = app + 'embed.js';
  document.body.appendChild(script);
})();
