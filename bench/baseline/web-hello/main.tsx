// The web bench's baseline: the smallest React 19 app (react + react-dom, one component), built by the
// same Vite and React plugin as FlashFusion's web app, so the difference is what the app itself adds.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Hello() {
  return <h1>Hello</h1>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Hello />
  </StrictMode>,
);
