import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): memory-hard, so guessing on GPUs costs memory
 * per try. The parameters travel inside the PHC string, so raising them later keeps old hashes verifiable.
 */
const ARGON2ID_OPTIONS = {
  // Algorithm.Argon2id; the package declares it as a const enum, which type stripping cannot inline.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

/** False, never a throw, for a hash that is not a valid PHC string: a damaged row must not become a 500. */
export async function verifyPassword({
  hash: phc,
  password,
}: {
  hash: string;
  password: string;
}): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}
