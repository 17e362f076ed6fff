// The static first paint of index.html (#boot, written by `make data`) shows what is true for the
// address: this script, loaded before the first paint (in <head>, after the stylesheet), marks
// <html> so that style/main.css shows the English text (lang=en), hides the explorer's heading,
// introduction and tabs on another page (a record, /integrer…), and hides it all in an embed
// (its own bar, a locked filter). When in doubt, show less.
(function (doc, search) {
  var cls = doc.documentElement.classList;
  var param = function (k) { var m = new RegExp('[?&]' + k + '=([^&#]*)').exec(search); return m && decodeURIComponent(m[1]); };
  cls.add('booting');
  if (param('lang') === 'en') cls.add('boot-en');
  if (param('embed') !== null) cls.add('boot-embed');
  var page = location.pathname, base = new URL(doc.baseURI).pathname;
  if (page !== base && page !== base + 'index.html') cls.add('boot-page');
})(document, location.search);
