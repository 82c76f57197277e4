/** The agencies and subjects the desk has copy from: filter choices for the inbox and the wire search. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';

export interface WireFacets {
  agencies: string[];
  subjects: string[];
}

export function useWireFacets(): WireFacets {
  const [facets, setFacets] = useState<WireFacets>({ agencies: [], subjects: [] });
  useEffect(() => {
    // Filter choices only: without them the agency box still takes what is in the address.
    api<WireFacets>('GET', '/admin/wire/facets').then(setFacets, () => undefined);
  }, []);
  return facets;
}

/** The agency choices: the facets', and the one in the address even when they do not (yet) list it. */
export function agencyChoices(agencies: readonly string[], current: string): string[] {
  return current && !agencies.includes(current) ? [current, ...agencies] : [...agencies];
}
