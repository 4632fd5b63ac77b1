/** Where the collaboration endpoint listens on the main HTTP server (same port as the API). */
export const COLLAB_PATH = '/api/v1/collab';

/**
 * The collaboration WebSocket URL for clients: PUBLIC_URL with ws/wss for http/https, keeping any path
 * prefix a reverse proxy puts the app under.
 */
export function collabWebsocketUrl(publicUrl: string): string {
  const url = new URL(publicUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${COLLAB_PATH}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}
