import { ReadinessCard } from '../features/system/components/readiness-card.tsx';
import { SystemCard } from '../features/system/components/system-card.tsx';

const CAPABILITIES = [
  ['Agents and workflows', 'Durable multi-step runs you can watch live, retry and resume.'],
  ['AI gateway', 'Any model provider behind one API, with fallback, caching and budgets.'],
  ['Content pipeline', 'Plan, write in your brand voice and publish to social platforms.'],
  ['App builder', 'Generate full-stack apps, edit the files and deploy with rollback.'],
  ['Live collaboration', 'Edit together with presence, then see analytics and progress.'],
] as const;

/** `/`: what FlashFusion is, and live facts from the server that served this page. */
export function HomePage() {
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">FlashFusion</h1>
        <p className="lead">
          A self-hostable, multi-tenant AI platform for creators and developers. One install gives a team
          agents, workflows, an AI gateway, content, an app builder and live collaboration.
        </p>
      </section>

      <section aria-labelledby="capabilities-title">
        <h2 id="capabilities-title">What it does</h2>
        <ul className="capabilities">
          {CAPABILITIES.map(([name, summary]) => (
            <li key={name}>
              <strong>{name}</strong>
              <span>{summary}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="server-title">
        <h2 id="server-title">This server</h2>
        <div className="cards">
          <SystemCard />
          <ReadinessCard />
        </div>
      </section>

      <section aria-labelledby="api-title">
        <h2 id="api-title">API</h2>
        <p>Everything the web app does goes through the same REST API, described by OpenAPI 3.1.</p>
        <ul className="links">
          <li>
            <a href="/api/docs">Interactive API docs</a>
          </li>
          <li>
            <a href="/api/v1/openapi.json">OpenAPI document (JSON)</a>
          </li>
        </ul>
      </section>
    </>
  );
}
