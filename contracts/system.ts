import { z } from 'zod';

export const ZSystemInfoSchema = z.object({
  name: z.literal('FlashFusion'),
  version: z.string(),
  mode: z.enum(['embedded', 'scale-out']),
  role: z.enum(['api', 'worker', 'realtime', 'all']),
  database: z.enum(['pglite', 'postgres']),
  cache: z.enum(['memory', 'redis']),
});
export type TSystemInfo = z.infer<typeof ZSystemInfoSchema>;

export const ZMigrationSchema = z.object({
  name: z.string(),
  hash: z.string(),
  writtenAt: z.string(),
});
