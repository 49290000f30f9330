import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DEMO_SUBJECTS, DemoSeed, type DemoSeedReply } from '@samen/contracts';
import { Intern } from '@samen/platform';
import { DemoAccounts } from './demo-accounts';

/** Internal: `npm run up` seeds the demo gemeente's accounts (refused in production). */
@Controller()
export class DemoHandlers {
  constructor(private readonly demo: DemoAccounts) {}

  @Intern()
  @MessagePattern(DEMO_SUBJECTS.seed)
  seed(@Payload() request: DemoSeed): Promise<DemoSeedReply> {
    return this.demo.zaai(request.gemeente);
  }
}
