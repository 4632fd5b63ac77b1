/** Any path no route claims. The server answers such paths with index.html so this page can say so. */
export function NotFoundPage() {
  return (
    <section className="hero" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p className="lead">
        Nothing lives at <code>{window.location.pathname}</code>.
      </p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </section>
  );
}
