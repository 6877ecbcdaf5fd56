import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import type { Me } from '../api/types';
import { changeLocale, currentLocale } from '../i18n/i18n';
import type { Locale } from '../i18n/i18n';

export interface AuthContextValue {
  /** undefined while the session probe runs, null when nobody is signed in. */
  me: Me | null | undefined;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Switches the UI at once and, when signed in, stores the choice on the account. */
  setLocale(locale: Locale): Promise<void>;
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const adopt = useCallback(async (next: Me) => {
    // The account's language wins over whatever the browser remembered before sign-in.
    if (next.locale !== currentLocale()) await changeLocale(next.locale);
    setMe(next);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<Me>('/api/auth/me', undefined, { signal: controller.signal, redirectOn401: false })
      .then(adopt)
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // A 401 is the normal "not signed in"; any other failure also lands on the login page,
        // which is where a server problem becomes visible (the login call shows its detail).
        if (error instanceof ApiError && error.status !== 401) console.warn('Session probe failed', error);
        setMe(null);
      });
    return () => controller.abort();
  }, [adopt]);

  const login = useCallback(
    async (username: string, password: string) => {
      const next = await api.post<Me>('/api/auth/login', { username, password });
      await adopt(next);
      return next;
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout', undefined, { redirectOn401: false });
    } finally {
      setMe(null);
    }
  }, []);

  const setLocale = useCallback(
    async (locale: Locale) => {
      await changeLocale(locale);
      if (me) {
        const updated = await api.patch<Me>('/api/auth/me/preferences', { locale });
        setMe(updated);
      }
    },
    [me],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      me,
      login,
      logout,
      setLocale,
      can: (permission: string) => Boolean(me?.permissions.includes(permission)),
    }),
    [me, login, logout, setLocale],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** For pages that only render inside the signed-in layout. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe used outside a signed-in route');
  return me;
}
