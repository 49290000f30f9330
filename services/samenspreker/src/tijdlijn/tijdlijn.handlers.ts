import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TIJDLIJN_STANDAARD_LIMIET, TIJDLIJN_SUBJECTS, type TijdlijnList, TijdlijnLijstVraag, type TijdlijnVerificatie, TijdlijnVraagstukId } from '@samen/contracts';
import { Publiek } from '@samen/platform';
import type { TijdlijnEntry } from './tijdlijn.entity';
import { Tijdlijn } from './tijdlijn.service';

function toView(entry: TijdlijnEntry) {
  return {
    vraagstukId: entry.vraagstukId,
    volgnummer: entry.volgnummer,
    gemeente: entry.gemeente,
    tijdstip: entry.tijdstip.toISOString(),
    soort: entry.soort,
    actor: entry.actor,
    gegevens: entry.gegevens,
    vorigeHash: entry.vorigeHash,
    hash: entry.hash,
  };
}

/** Timelines are public: anyone may read them and check the chain, logged in or not. */
@Controller()
export class TijdlijnHandlers {
  constructor(private readonly tijdlijn: Tijdlijn) {}

  @MessagePattern(TIJDLIJN_SUBJECTS.list)
  @Publiek()
  async list(@Payload() request: TijdlijnLijstVraag): Promise<TijdlijnList> {
    const limiet = request.limiet ?? TIJDLIJN_STANDAARD_LIMIET;
    // One more than asked tells whether a next page exists without a count.
    const entries = await this.tijdlijn.lees(request.vraagstukId, { ...(request.na !== undefined ? { na: request.na } : {}), limiet: limiet + 1 });
    const pagina = entries.slice(0, limiet);
    const laatste = pagina[pagina.length - 1];
    return { items: pagina.map(toView), ...(entries.length > limiet && laatste ? { volgende: laatste.volgnummer } : {}) };
  }

  @MessagePattern(TIJDLIJN_SUBJECTS.verify)
  @Publiek()
  verify(@Payload() request: TijdlijnVraagstukId): Promise<TijdlijnVerificatie> {
    return this.tijdlijn.verifieer(request.vraagstukId);
  }
}
