/** Container of #/catalog, #/catalog/institution/ID (filtered on it) and #/arrangement/ID: the bundled catalog and the custom lists' entries. */
import { useState } from 'preact/hooks';
import { CatalogPage, type CatalogPageQuery } from '../../components/options/CatalogPage';
import { bundledCatalog } from '../../lib/catalog';
import { prefsStore, useStored } from './shared';

/** `query` lives here, so going to an entry and back keeps the search and filters. */
export function CatalogRoute({ selectedId, institution }: { selectedId?: string; institution?: string }) {
  const [query, setQuery] = useState<CatalogPageQuery>(institution ? { institution } : {});
  // Lists are read for display only; until they are read (or if they cannot be), the bundled catalog shows.
  const lists = useStored(() => prefsStore.listCustomLists());
  return <CatalogPage catalog={bundledCatalog()} lists={lists.value ?? []} query={query} onQuery={setQuery} selectedId={selectedId} />;
}
