/**
 * The chunks of the signed-in part of the app. The router loads them on the way in; the sign-in
 * page asks for them as soon as someone starts typing, so they are usually there when the
 * password is accepted.
 */
export const loadSignedInShell = () => import('./signed-in/SignedInShell');
export const loadAppLayout = () => import('./layout/AppLayout');
export const loadRequireRole = () => import('./routes/RequireRole');
export const loadHomePage = () => import('@/features/home/routes/HomePage');
export const loadDashboard = () => import('@/features/dashboard');

let preloaded = false;

export function preloadSignedIn(): void {
  if (preloaded) return;
  preloaded = true;
  // Only warms the module cache: a failure here is retried, and shown, by the router.
  void Promise.all([loadSignedInShell(), loadAppLayout(), loadHomePage(), loadDashboard()]).catch(() => {
    preloaded = false;
  });
}
