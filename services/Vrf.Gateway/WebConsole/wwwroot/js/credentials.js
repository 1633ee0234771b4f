// The API key (or issuer's access token) the person signed in with. It is kept in sessionStorage, not localStorage:
// sessionStorage belongs to this tab alone and is gone when the tab closes, so a key typed on a shared or borrowed
// machine does not stay on its disk for the next person, and a key that was rotated is asked for afresh in the next
// session; localStorage would keep it, in every tab of this origin, until someone thought of removing it.
const storageKey = 'vrf-console.credentials';

export const credentials = {
  current: () => window.sessionStorage.getItem(storageKey),
  keep: (key) => window.sessionStorage.setItem(storageKey, key),
  forget: () => window.sessionStorage.removeItem(storageKey),
};
