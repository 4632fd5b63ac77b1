import { NavLink } from 'react-router';
import type { TNavItem } from '../nav.ts';
import { usePermissionCheck } from '../use-permission-check.ts';

/** The main navigation: every feature's entries the member's role may use. */
export function Sidebar({
  items,
  id,
  open,
  onNavigate,
}: {
  items: TNavItem[];
  id: string;
  open: boolean;
  onNavigate: () => void;
}) {
  const allowed = usePermissionCheck();
  const visible = items.filter((item) => !item.permission || allowed(item.permission));
  return (
    <nav id={id} className={open ? 'sidebar sidebar--open' : 'sidebar'} aria-label="Main">
      {visible.length === 0 ? (
        <p className="sidebar__empty">No pages yet.</p>
      ) : (
        <ul className="sidebar__list">
          {visible.map(({ to, label, icon: Icon }) => (
            <li key={to}>
              <NavLink to={to} end={to === '/'} className="sidebar__link" onClick={onNavigate}>
                <Icon size={18} aria-hidden />
                <span>{label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
