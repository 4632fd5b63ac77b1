import type { ComponentType } from 'react';
import { HomePage } from './home.tsx';
import { NotFoundPage } from './not-found.tsx';

export interface TRoute {
  /** Shown in the document title and the navigation. */
  title: string;
  Page: ComponentType;
}

/** Every page of the app by exact path. Add a page here; the server already falls back to index.html. */
export const ROUTES: Readonly<Record<string, TRoute>> = {
  '/': { title: 'Home', Page: HomePage },
};

export const NOT_FOUND_ROUTE: TRoute = { title: 'Page not found', Page: NotFoundPage };

/** The route for a pathname; `/x/` and `/x` are the same page. */
export function matchRoute(pathname: string): TRoute {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return ROUTES[path] ?? NOT_FOUND_ROUTE;
}
