import { Link, Outlet } from 'react-router';
import { ThemeToggle } from './shell/theme-toggle.tsx';

/** The chrome of the signed-out pages (sign in, sign up, reset…): brand, theme toggle, a centred card. */
export function PublicLayout() {
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="public__header">
        <Link className="brand" to="/">
          <img className="brand__mark" src="/favicon.svg" alt="" width="28" height="28" />
          <span className="brand__name">FlashFusion</span>
        </Link>
        <ThemeToggle />
      </header>
      <main id="main" className="public__main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="public__footer">
        <p>
          FlashFusion · self-hosted · <a href="/api/docs">API docs</a>
        </p>
      </footer>
    </div>
  );
}
