/*
 * cnn-helpers-rise-widgets: a hand-written module-federation container with no plugins.
 *
 * Why: jupyterlab-rise 0.43.1 runs slideshows in its own small JupyterLab app (/rise/...), built against
 * JupyterLab 4.3.4, whose webpack share scope has no `@jupyterlab/console`. The ipywidgets manager
 * (@jupyter-widgets/jupyterlab-manager 5.x) consumes `@jupyterlab/console` as a shared singleton with no
 * fallback, only for the *optional* `IConsoleTracker` token, so loading it throws
 * "Shared module @jupyterlab/console doesn't exist in shared scope default" and widgets show as text
 * (jupyterlab-contrib/rise#119, #126).
 *
 * What: when the host calls init(shareScope) and the scope has no `@jupyterlab/console` (only the RISE app),
 * register a stand-in module that exports just a fresh `IConsoleTracker` token. Nothing in the RISE app
 * provides that token, so the manager gets `null` for it, exactly as when no console plugin is loaded.
 * In JupyterLab itself the real module is already in the scope and this container does nothing.
 */
(function () {
  'use strict';
  var NAME = 'cnn-helpers-rise-widgets';
  var KEY = '@jupyterlab/console';
  var root = (window._JUPYTERLAB = window._JUPYTERLAB || {});

  // Highest "major.minor.patch" key of a share-scope entry (pre-release tags are ignored for ordering).
  function highest(entries) {
    var parse = function (v) {
      return v.split('-')[0].split('.').map(Number);
    };
    return Object.keys(entries || {}).sort(function (a, b) {
      var x = parse(a), y = parse(b);
      for (var i = 0; i < 3; i++) {
        if (x[i] !== y[i]) return x[i] - y[i];
      }
      return 0;
    }).pop() || null;
  }

  root[NAME] = {
    init: function (shareScope) {
      if (!shareScope || shareScope[KEY]) {
        return; // JupyterLab (or a later RISE) provides the real module.
      }
      var lumino = shareScope['@lumino/coreutils'];
      var luminoVersion = highest(lumino);
      if (!luminoVersion) {
        return;
      }
      // Report the host's own JupyterLab package version, so version checks read as for any core module.
      var version = highest(shareScope['@jupyterlab/notebook']) || '4.0.0';
      var entries = {};
      entries[version] = {
        from: NAME,
        eager: false,
        get: function () {
          return Promise.resolve(lumino[luminoVersion].get()).then(function (factory) {
            var coreutils = factory();
            var stub = {
              IConsoleTracker: new coreutils.Token(
                '@jupyterlab/console:IConsoleTracker',
                'Stand-in token from ' + NAME + ': no code console exists in the RISE slideshow app.'
              )
            };
            return function () {
              return stub;
            };
          });
        }
      };
      shareScope[KEY] = entries;
    },
    get: function (module) {
      return Promise.reject(new Error(NAME + ' exposes no module ' + module));
    }
  };
})();
