import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { request } from './api';
import { storeApiKey, storedApiKey } from './session';
import type { Me } from './types';

interface Auth {
  me: Me | null;
  /** Checks the key against the service (GET /v1/me) and keeps it for this tab only. */
  signIn: (apiKey: string) => Promise<Me>;
  signOut: () => void;
  /** Re-reads who the stored key belongs to (after a reload). */
  restore: () => Promise<Me | null>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children, initial = null }: { children: ReactNode; initial?: Me | null }) {
  const [me, setMe] = useState<Me | null>(initial);
  const queryClient = useQueryClient();

  const signIn = useCallback(async (apiKey: string) => {
    const { data } = await request<Me>('/v1/me', { apiKey });
    if (!data.permissions.readRules) {
      // An OMS or integration key is valid but this tool has nothing it may open: say so here, not on a dead screen.
      throw new Error(`This key belongs to the ${data.role} role, which cannot use rule authoring. Sign in with a planner, analyst or operator key.`);
    }
    storeApiKey(apiKey);
    queryClient.clear();
    setMe(data);
    return data;
  }, [queryClient]);

  const signOut = useCallback(() => {
    // Ends the dashboard session too (the cookie /jobs accepts), whether or not one was opened. Best effort:
    // signing out of the tool must not wait for, or fail with, the service.
    void fetch('/v1/session', { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
    storeApiKey(null);
    queryClient.clear();
    setMe(null);
  }, [queryClient]);

  const restore = useCallback(async () => {
    if (!storedApiKey()) return null;
    try {
      const { data } = await request<Me>('/v1/me');
      setMe(data);
      return data;
    } catch {
      storeApiKey(null);
      return null;
    }
  }, []);

  const value = useMemo(() => ({ me, signIn, signOut, restore }), [me, signIn, signOut, restore]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in user; only for screens behind the sign-in gate. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe before sign-in');
  return me;
}
