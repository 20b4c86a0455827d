'use client';

import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo, useState, useTransition, type ReactNode } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { filtersToQuery, type DirectoryFilters } from '../_lib/directory-params';

type DirectoryState = {
  filters: DirectoryFilters;
  pending: boolean;
  /** Puts the filters in the URL; the server renders the new result. */
  apply: (next: DirectoryFilters) => void;
};

const Context = createContext<DirectoryState | null>(null);

export function useDirectory(): DirectoryState {
  const state = useContext(Context);
  if (!state) throw new Error('useDirectory outside <DirectoryProvider>');
  return state;
}

/**
 * Holds the directory's filters (as the server read them from the URL) and the pending state of
 * a search, shared by the filter form, the map (which can pick a point) and the result list.
 */
export function DirectoryProvider({ filters: fromServer, children }: { filters: DirectoryFilters; children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The controls show the chosen filters at once, while the server renders the result; each
  // render from the server (a new URL, back button) brings the truth back.
  const [filters, setFilters] = useState(fromServer);
  const [rendered, setRendered] = useState(fromServer);
  if (rendered !== fromServer) {
    setRendered(fromServer);
    setFilters(fromServer);
  }
  const apply = useCallback(
    (next: DirectoryFilters) => {
      setFilters(next);
      const query = filtersToQuery(next);
      startTransition(() => router.push(query ? `/spaces?${query}` : '/spaces', { scroll: false }));
    },
    [router],
  );
  const value = useMemo(() => ({ filters, pending, apply }), [filters, pending, apply]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The result list: marked busy (and dimmed) while a new search renders. */
export function DirectoryResults({ children, className }: { children: ReactNode; className?: string }) {
  const { pending } = useDirectory();
  return (
    <div aria-busy={pending || undefined} className={cx('transition-opacity duration-150', pending && 'opacity-60', className)}>
      {children}
    </div>
  );
}
