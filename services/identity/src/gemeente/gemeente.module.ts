import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Gemeente } from './gemeente.entity';
import { GemeenteHandlers } from './gemeente.handlers';
import { GemeenteService } from './gemeente.service';

@Module({
  imports: [MikroOrmModule.forFeature([Gemeente])],
  controllers: [GemeenteHandlers],
  providers: [GemeenteService],
})
export class GemeenteModule {}
