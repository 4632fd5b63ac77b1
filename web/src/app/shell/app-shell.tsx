import { Menu, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { IconButton } from '../../components/ui/icon-button.tsx';
import { QuotaBanner } from '../../features/dashboard/components/quota-banner.tsx';
import { featureNav } from '../feature-routes.ts';
import { RealtimeProvider } from '../realtime.tsx';
import { OrganizationSwitcher } from './organization-switcher.tsx';
import { RealtimeIndicator } from './realtime-indicator.tsx';
import { Sidebar } from './sidebar.tsx';
import { ThemeToggle } from './theme-toggle.tsx';
import { UserMenu } from './user-menu.tsx';

const SIDEBAR_ID = 'app-sidebar';

/** The signed-in chrome: skip link, header (menu, brand, organization, realtime, theme, account), sidebar, main. */
export function AppShell() {
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  // A navigation from anywhere (a link in a page, back button) closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every location change on purpose.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <RealtimeProvider>
      <div className="app">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="app-header">
          <IconButton
            className="app-header__menu"
            label={menuOpen ? 'Close menu' : 'Open menu'}
            icon={menuOpen ? <X size={20} /> : <Menu size={20} />}
            aria-expanded={menuOpen}
            aria-controls={SIDEBAR_ID}
            onClick={() => setMenuOpen((open) => !open)}
          />
          <Link className="brand" to="/">
            <img className="brand__mark" src="/favicon.svg" alt="" width="28" height="28" />
            <span className="brand__name">FlashFusion</span>
          </Link>
          <OrganizationSwitcher />
          <div className="app-header__end">
            <RealtimeIndicator />
            <ThemeToggle />
            <UserMenu />
          </div>
        </header>
        <div className="app-body">
          <Sidebar items={featureNav} id={SIDEBAR_ID} open={menuOpen} onNavigate={() => setMenuOpen(false)} />
          <main id="main" className="app-main" tabIndex={-1}>
            <QuotaBanner />
            <Outlet />
          </main>
        </div>
      </div>
    </RealtimeProvider>
  );
}
