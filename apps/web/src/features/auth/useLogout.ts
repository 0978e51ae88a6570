import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/useAuth';

interface LogoutState {
  logout?: boolean;
}

/**
 * "Log out" goes to the home page first and ends the session there: ended on a private
 * page, the session would make that page bounce to the login page on its way out.
 */
export function useLogout(): () => void {
  const navigate = useNavigate();
  return useCallback(() => {
    void navigate('/', { replace: true, state: { logout: true } satisfies LogoutState });
  }, [navigate]);
}

/** Mounted once in the layout: ends the session when a logout navigation has arrived. */
export function useLogoutOnArrival(): void {
  const location = useLocation();
  const navigate = useNavigate();
  const { user, logout } = useAuth();
  const running = useRef(false);
  const wanted = (location.state as LogoutState | null)?.logout === true;
  useEffect(() => {
    if (!wanted || running.current) return;
    running.current = true;
    void (async () => {
      if (user) await logout();
      running.current = false;
      await navigate(location.pathname, { replace: true, state: null });
    })();
  }, [wanted, user, logout, navigate, location.pathname]);
}
