import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type MessageContext,
  NieuweStemming,
  type PapierenBatchOntvangst,
  PapierenStembiljetten,
  type StemBewijs,
  STEMMING_SUBJECTS,
  type StemmingExportKop,
  type StemmingExportPagina,
  StemmingExportPaginaVraag,
  StemmingId,
  StemmingenVanVraagstuk,
  StemmingIntrekken,
  type StemmingList,
  type StemmingUitslag,
  type StemmingView,
  StemUitbrengen,
} from '@samen/contracts';
import { Context, Ingelogd, Principal, Publiek, Rollen } from '@samen/platform';
import { StemmingService } from './stemming.service';

@Controller()
export class StemmingHandlers {
  constructor(private readonly stemmingen: StemmingService) {}

  /** Logged in here; staff or the table's voorzitter is checked in the service (a table role is not in the token). */
  @MessagePattern(STEMMING_SUBJECTS.create)
  @Ingelogd()
  create(@Payload() request: NieuweStemming, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<StemmingView> {
    return this.stemmingen.create(request, actor, context);
  }

  @MessagePattern(STEMMING_SUBJECTS.get)
  @Publiek()
  get(@Payload() request: StemmingId, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<StemmingView> {
    return this.stemmingen.get(request.stemmingId, context, actor);
  }

  @MessagePattern(STEMMING_SUBJECTS.list)
  @Publiek()
  list(@Payload() request: StemmingenVanVraagstuk, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<StemmingList> {
    return this.stemmingen.list(request.vraagstukId, context, actor);
  }

  /** Logged in here; who is entitled is the domain rule, checked in the service. */
  @MessagePattern(STEMMING_SUBJECTS.stemmen)
  @Ingelogd()
  stemmen(@Payload() request: StemUitbrengen, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<StemBewijs> {
    return this.stemmingen.stemmen(request, actor, context);
  }

  @MessagePattern(STEMMING_SUBJECTS.papierInvoeren)
  @Rollen('ambtenaar', 'gemeentebeheerder')
  papierInvoeren(@Payload() request: PapierenStembiljetten, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<PapierenBatchOntvangst> {
    return this.stemmingen.papierInvoeren(request, actor, context);
  }

  /** Logged in here; staff or the table's voorzitter (as for create) is checked in the service. */
  @MessagePattern(STEMMING_SUBJECTS.intrekken)
  @Ingelogd()
  intrekken(@Payload() request: StemmingIntrekken, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<StemmingView> {
    return this.stemmingen.intrekken(request, actor, context);
  }

  @MessagePattern(STEMMING_SUBJECTS.sluiten)
  @Rollen('ambtenaar', 'gemeentebeheerder')
  sluiten(@Payload() request: StemmingId, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<StemmingUitslag> {
    return this.stemmingen.sluiten(request.stemmingId, actor, context);
  }

  @MessagePattern(STEMMING_SUBJECTS.uitslag)
  @Publiek()
  uitslag(@Payload() request: StemmingId, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<StemmingUitslag> {
    return this.stemmingen.uitslag(request.stemmingId, context, actor);
  }

  @MessagePattern(STEMMING_SUBJECTS.export)
  @Publiek()
  export(@Payload() request: StemmingId, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<StemmingExportKop> {
    return this.stemmingen.export(request.stemmingId, context, actor);
  }

  @MessagePattern(STEMMING_SUBJECTS.exportPagina)
  @Publiek()
  exportPagina(@Payload() request: StemmingExportPaginaVraag, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<StemmingExportPagina> {
    return this.stemmingen.exportPagina(request, context, actor);
  }
}
