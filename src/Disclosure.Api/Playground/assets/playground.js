// Starts GraphiQL (the UMD globals React, ReactDOM and GraphiQL are loaded before this file) with the example
// operations of schema/examples/ as tabs. Kept out of the page so the Content-Security-Policy needs no inline script.
(function () {
  'use strict';

  var root = document.getElementById('graphiql');
  var endpoint = new URL(root.dataset.endpoint, window.location.href).toString();
  var examplesUrl = new URL(root.dataset.examples, window.location.href).toString();

  var http = GraphiQL.createFetcher({
    url: endpoint,
    headers: { Accept: 'application/graphql-response+json, application/json;q=0.9' },
  });

  // Right after a tab switch GraphiQL can still send the previous tab's operation name with the new tab's document
  // (it derives the name again a moment later). A name the document does not define is dropped, so a document with one
  // operation runs it, and one with several gets the server's own "which operation?" error.
  function definesOperation(query, name) {
    var pattern = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g;
    var match;
    while ((match = pattern.exec(query || '')) !== null) {
      if (match[1] === name) {
        return true;
      }
    }
    return false;
  }

  function fetcher(params, options) {
    if (params && params.operationName && !definesOperation(params.query, params.operationName)) {
      params = Object.assign({}, params, { operationName: null });
    }
    return http(params, options);
  }

  function start(examples) {
    var tabs = examples.map(function (example) {
      return { query: example.query };
    });
    root.textContent = '';
    ReactDOM.createRoot(root).render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultTabs: tabs.length > 0 ? tabs : undefined,
        defaultEditorToolsVisibility: false,
      })
    );
  }

  fetch(examplesUrl, { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('examples: HTTP ' + response.status);
      }
      return response.json();
    })
    .then(start, function (error) {
      console.warn('The example operations could not be loaded:', error);
      start([]);
    });
})();
