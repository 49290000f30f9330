import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IsIn, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { loadEnv } from '@samen/platform';

/**
 * identity's mail settings (docs/operations.md). Read from the process environment on their
 * own, beside IdentityEnv: MAIL_TRANSPORT is `smtp`, `memory` or `file:<dir>`.
 */
export class MailEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsOptional()
  @Matches(/^(smtp|memory|file:.+)$/, { message: 'MAIL_TRANSPORT moet smtp, memory of file:<map> zijn' })
  MAIL_TRANSPORT?: string;

  /** Required when mail goes by SMTP: MAIL_TRANSPORT=smtp, or production without a MAIL_TRANSPORT. */
  @ValidateIf((env: MailEnv) => (env.MAIL_TRANSPORT ?? (env.NODE_ENV === 'production' ? 'smtp' : undefined)) === 'smtp' || env.MAIL_SMTP_URL !== undefined)
  @Matches(/^smtps?:\/\/\S+$/, { message: 'MAIL_SMTP_URL moet smtp:// of smtps:// zijn (verplicht voor mail via SMTP, standaard in productie)' })
  MAIL_SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Samen <noreply@samen.example.org>';

  /** Where the links in mails point: the web address of the installation. */
  @Matches(/^https?:\/\/\S+$/)
  MAIL_LINK_URL = 'http://localhost:3000';
}

export type MailKeuze = { soort: 'smtp'; url: string } | { soort: 'memory' } | { soort: 'file'; map: string };

/**
 * Production sends by SMTP; a test keeps mail in memory; development writes files to a folder a
 * developer can open (the default in the temp folder, so nothing lands in the repository).
 */
export function mailKeuze(env: MailEnv): MailKeuze {
  const keuze = env.MAIL_TRANSPORT ?? (env.NODE_ENV === 'production' ? 'smtp' : env.NODE_ENV === 'test' ? 'memory' : `file:${join(tmpdir(), 'samen-mail')}`);
  if (keuze === 'smtp') return { soort: 'smtp', url: env.MAIL_SMTP_URL ?? '' };
  if (keuze === 'memory') return { soort: 'memory' };
  return { soort: 'file', map: keuze.slice('file:'.length) };
}

export function loadMailEnv(source: Record<string, unknown> = process.env): MailEnv {
  return loadEnv(MailEnv, source);
}
