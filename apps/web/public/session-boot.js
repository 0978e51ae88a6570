// Renews a stored session while the app's code downloads; lib/auth.ts takes the answer. Why and
// how one token is never sent twice: docs/architecture.md, "Web: first paint". Served as is.
(function () {
  'use strict';
  if ('motcuaSessionBoot' in window) return;
  var token = null;
  try {
    token = window.localStorage.getItem('motcua.refreshToken');
  } catch {
    // Storage blocked: the app finds no session either.
  }
  if (!token) return;
  window.motcuaSessionBoot = {
    token: token,
    answer: fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: token }),
    }).then(
      function (res) {
        return res.text().then(function (text) {
          return { status: res.status, text: text };
        });
      },
      // Offline: status 0, a failed renewal to the app (never an unhandled rejection).
      function () {
        return { status: 0, text: '' };
      },
    ),
  };
})();
