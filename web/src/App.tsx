import { useEffect } from 'react';
import { matchRoute, ROUTES } from './routes/routes.tsx';

/** The shell every page shares: skip link, header with navigation, main content, footer. */
export function App() {
  const pathname = window.location.pathname;
  const route = matchRoute(pathname);

  useEffect(() => {
    document.title = route.title === 'Home' ? 'FlashFusion' : `${route.title} · FlashFusion`;
  }, [route]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <a className="brand" href="/">
          <span className="brand__mark" aria-hidden="true">
            ⚡
          </span>
          FlashFusion
        </a>
        <nav aria-label="Main">
          <ul>
            {Object.entries(ROUTES).map(([path, { title }]) => (
              <li key={path}>
                <a href={path} aria-current={route === ROUTES[path] ? 'page' : undefined}>
                  {title}
                </a>
              </li>
            ))}
            <li>
              <a href="/api/docs">API docs</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <route.Page />
      </main>
      <footer className="site-footer">
        <p>FlashFusion · self-hosted · MIT licence</p>
      </footer>
    </>
  );
}
