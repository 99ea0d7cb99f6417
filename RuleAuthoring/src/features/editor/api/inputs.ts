import { useQuery } from '@tanstack/react-query';
import { get } from '../../../lib/api';
import type { ExpressionInput } from '../lib/completions';

/** What expressions may read: each input and its properties, typed and described (fixed per build of the service). */
export function fetchExpressionInputs(signal?: AbortSignal): Promise<ExpressionInput[]> {
  return get<ExpressionInput[]>('/v1/rulesets/inputs', signal);
}

/** The vocabulary for completion; empty while loading or when the service cannot say (names still complete). */
export function useExpressionInputs(): ExpressionInput[] {
  const query = useQuery({
    queryKey: ['rulesets', 'inputs'],
    queryFn: ({ signal }) => fetchExpressionInputs(signal),
    staleTime: Infinity,
    retry: false,
  });
  return Array.isArray(query.data) ? query.data : EMPTY;
}

const EMPTY: ExpressionInput[] = [];
