// Starts the renewal of a stored session while the app's code is still downloading, so a signed-in
// page no longer waits one more round trip after it (issue 16, Lighthouse; docs/architecture.md,
// "Web: first paint"). index.html loads it `async`; the app takes its answer in
// src/lib/auth.ts (refreshSession), with the same request the app would send itself.
// Refresh tokens rotate, so one token must never be sent twice (the API would revoke the session):
// whichever of this script and the app comes first claims the renewal through
// window.motcuaSessionBoot, and the other then leaves it alone.
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
      // Offline: status 0, which the app treats as a failed renewal (never an unhandled rejection).
      function () {
        return { status: 0, text: '' };
      },
    ),
  };
})();
