import { parseArgs } from 'node:util';
import { PLANS, type TPlan } from '../contracts/plans.ts';
import { EnvError, parseEnv, type TEnv } from './env.ts';
import { createLogger } from './platform/logger/index.ts';

const USAGE = `Usage: flashfusion <command> [options]

Commands:
  serve [--role api|worker|realtime|all]   start a FlashFusion process (default role: ROLE or all)
  migrate                                   apply pending database migrations and exit
  doctor                                    check configuration, database, Redis and the job queue
  rotate-master-key                         re-wrap every organization's data key with MASTER_KEY
                                            (set MASTER_KEY_PREVIOUS to the key being replaced)
  rotate-signing-key                        make a new access-token signing key active; the old one
                                            verifies its tokens until the hourly job retires it
  outbox [--to email] [--limit n]           print the newest mails kept in the outbox (links to follow
                                            when no SMTP server is configured)
  admin grant <email>                       make an account an instance admin (the operator: plans,
                                            instance internals); the first account is one already
  admin revoke <email>                      take instance admin away (never from the last one)
  org set-plan <org id or slug> <plan>      put an organization on a plan (${PLANS.join(', ')})

Configuration comes from environment variables; see README.md.`;

/** Parses argv and the environment, then runs one command; exits non-zero with a clear message on failure. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  let env: TEnv;
  try {
    env = parseEnv(values.role ? { ...process.env, ROLE: values.role } : process.env);
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  const log = createLogger({ level: env.LOG_LEVEL });
  switch (command) {
    case 'serve':
      return (await import('./commands/serve.ts')).serve(env, log);
    case 'migrate':
      return (await import('./commands/migrate.ts')).migrate(env, log);
    case 'doctor':
      return (await import('./commands/doctor.ts')).doctor(env, log);
    case 'outbox': {
      const limit = Number(values.limit ?? 5);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        console.error('--limit must be a whole number from 1 to 100');
        return 2;
      }
      return (await import('./commands/outbox.ts')).outbox(env, log, { to: values.to, limit });
    }
    case 'rotate-master-key':
      return (await import('./commands/rotate-master-key.ts')).rotateMasterKey(env, log);
    case 'rotate-signing-key':
      return (await import('./commands/rotate-signing-key.ts')).rotateSigningKeyCommand(env, log);
    case 'admin': {
      const [, action, email] = positionals;
      if ((action !== 'grant' && action !== 'revoke') || !email || positionals.length !== 3) {
        console.error('Usage: flashfusion admin grant|revoke <email>');
        return 2;
      }
      return (await import('./commands/admin.ts')).adminCommand(env, log, action, email);
    }
    case 'org': {
      const [, action, organization, plan] = positionals;
      if (action !== 'set-plan' || !organization || !plan || positionals.length !== 4) {
        console.error('Usage: flashfusion org set-plan <org id or slug> <plan>');
        return 2;
      }
      if (!(PLANS as readonly string[]).includes(plan)) {
        console.error(`Unknown plan "${plan}": choose one of ${PLANS.join(', ')}`);
        return 2;
      }
      return (await import('./commands/org-set-plan.ts')).orgSetPlan(env, log, organization, plan as TPlan);
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (err: unknown) => {
    console.error(`flashfusion: ${(err as Error)?.message ?? String(err)}`);
    process.exit(1);
  },
);
