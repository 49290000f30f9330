import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Verwerking } from './verwerking.entity';
import { Verwerkingslog } from './verwerkingslog';

/** Import this to log a processing (in-person verification, role change…) with `Verwerkingslog.vastleggen(em, …)`. */
@Module({ imports: [MikroOrmModule.forFeature([Verwerking])], providers: [Verwerkingslog], exports: [Verwerkingslog] })
export class VerwerkingslogModule {}
