import { useCallback } from 'react';
import { useSearchParams, type NavigateOptions } from 'react-router-dom';

export type QueryChange = (current: URLSearchParams) => URLSearchParams;

/**
 * The address's query and a way to change part of it. react-router's own updater hands each change
 * the query of the last render, so two changes made before the view renders again (two month
 * fields filled in a row, a form the browser fills in) kept only the second. Here each change
 * starts from the address as it is at that moment (the router writes it at once), so both stay.
 * A whole query (not a change) replaces the address's as the router's own does.
 */
export function useQueryParams(): readonly [
  URLSearchParams,
  (change: QueryChange | URLSearchParams, options?: NavigateOptions) => void,
] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (change: QueryChange | URLSearchParams, options?: NavigateOptions) =>
      setParams(
        typeof change === 'function' ? () => change(new URLSearchParams(window.location.search)) : change,
        options,
      ),
    [setParams],
  );
  return [params, update] as const;
}
