import { NavLink, Outlet } from 'react-router';
import type { TAction } from '../../../../../contracts/permissions/index.ts';
import { usePermissionCheck } from '../../../app/use-permission-check.ts';
import '../settings.css';

type TSection = { to: string; label: string; permission?: TAction };

// Sections a role cannot open are left out (the server refuses them anyway).
const SECTIONS: TSection[] = [
  { to: 'profile', label: 'Profile' },
  { to: 'organization', label: 'Organization' },
  { to: 'members', label: 'Members', permission: 'member:read' },
  { to: 'roles', label: 'Roles' },
  { to: 'api-keys', label: 'API keys' },
  { to: 'ai', label: 'AI providers', permission: 'ai_provider:read' },
  { to: 'flags', label: 'Feature flags' },
  { to: 'audit', label: 'Audit log', permission: 'audit:read' },
  { to: 'usage', label: 'Plan usage', permission: 'organization:read' },
];

/** /settings/*: the section list beside (or above, on phones) the open section. */
export function SettingsLayout() {
  const may = usePermissionCheck();
  return (
    <div className="settings">
      <nav className="settings__nav" aria-label="Settings sections">
        <ul>
          {SECTIONS.filter((s) => !s.permission || may(s.permission)).map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} className="settings__link">
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings__content">
        <Outlet />
      </div>
    </div>
  );
}
