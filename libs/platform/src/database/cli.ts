import 'reflect-metadata';
import { BOUWSTENEN, isBouwsteen, type Bouwsteen } from '@samen/contracts';
import { provisionDatabase } from './provision';

/**
 * `node dist/libs/platform/src/database/cli.js provision [bouwsteen…]`
 * Creates the database of DATABASE_ADMIN_URL, and per bouwsteen its role and schema.
 * Role passwords come from `<BOUWSTEEN>_DB_PASSWORD` (e.g. IDENTITY_DB_PASSWORD) when set.
 */
async function main(argv: string[]): Promise<void> {
  const [command, ...names] = argv;
  if (command !== 'provision') throw new Error('usage: cli.js provision [bouwsteen…]');
  const adminUrl = process.env.DATABASE_ADMIN_URL;
  if (!adminUrl) throw new Error('DATABASE_ADMIN_URL is niet gezet / not set (e.g. postgres://postgres@127.0.0.1:5432/samen)');
  const unknown = names.filter((n) => !isBouwsteen(n));
  if (unknown.length) throw new Error(`unknown bouwsteen: ${unknown.join(', ')} (known: ${BOUWSTENEN.join(', ')})`);
  const bouwstenen = (names.length ? names : [...BOUWSTENEN]) as Bouwsteen[];
  const passwords = Object.fromEntries(
    bouwstenen.map((b) => [b, process.env[`${b.toUpperCase()}_DB_PASSWORD`]]).filter(([, p]) => p),
  ) as Partial<Record<Bouwsteen, string>>;
  await provisionDatabase({ adminUrl, bouwstenen, passwords });
  process.stdout.write(`provisioned ${bouwstenen.join(', ')}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`samen provision: ${(error as Error).message}\n`);
  process.exit(1);
});
