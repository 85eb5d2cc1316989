import { useEffect, useState } from 'react';
import { AppProviders, createQueryClient } from '../providers';
import { RequirePasswordChanged } from '../routes/guards';

/**
 * The signed-in part of the app: the UI library's theme and Vietnamese locale, and the query
 * cache. Loaded after sign-in (or while the sign-in form is being filled), so the sign-in page
 * loads none of it. It unmounts when the session ends; its cache is dropped then, so the next
 * person to sign in on this browser never sees what the previous one read.
 */
export default function SignedInShell() {
  const [client] = useState(createQueryClient);
  useEffect(() => () => client.clear(), [client]);
  return (
    <AppProviders queryClient={client}>
      <RequirePasswordChanged />
    </AppProviders>
  );
}
