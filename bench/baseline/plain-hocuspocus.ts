// The yardstick of the collaboration bench: a stock Hocuspocus server with no extensions (no authentication,
// no database, no Redis, no presence or voice hooks), on PORT, answering plain HTTP GETs with 200 so the
// bench can tell when it is ready. FlashFusion over this one is what its hooks and persistence cost.
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT ?? 3_492),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
});
await server.listen();
console.log(`plain hocuspocus listening on ${server.httpURL}`);
