import { Navigate } from 'react-router';

/** /settings opens on the profile. */
export function SettingsIndex() {
  return <Navigate to="/settings/profile" replace />;
}
