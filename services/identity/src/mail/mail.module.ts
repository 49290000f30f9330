import { Logger, Module } from '@nestjs/common';
import { ServiceEnv } from '@samen/platform';
import { FileMailTransport, MailTransport, MemoryMailTransport, SmtpMailTransport } from './mail-transport';
import { loadMailEnv, mailKeuze, MailEnv } from './mail-env';
import { MailTeksten } from './mail-teksten';

@Module({
  providers: [
    {
      provide: MailEnv,
      inject: [ServiceEnv],
      // NODE_ENV comes from the service's checked settings, so a test service is a test service.
      useFactory: (service: ServiceEnv) => loadMailEnv({ ...process.env, NODE_ENV: service.NODE_ENV }),
    },
    {
      provide: MailTransport,
      inject: [MailEnv],
      useFactory: (env: MailEnv): MailTransport => {
        const keuze = mailKeuze(env);
        if (keuze.soort === 'smtp') return new SmtpMailTransport(keuze.url, env.MAIL_FROM);
        if (keuze.soort === 'memory') return new MemoryMailTransport(env.MAIL_FROM);
        new Logger('MailModule').log(`mail is written to files in ${keuze.map}`);
        return new FileMailTransport(keuze.map, env.MAIL_FROM);
      },
    },
    { provide: MailTeksten, inject: [MailEnv], useFactory: (env: MailEnv) => new MailTeksten(env.MAIL_LINK_URL) },
  ],
  exports: [MailTransport, MailTeksten],
})
export class MailModule {}
