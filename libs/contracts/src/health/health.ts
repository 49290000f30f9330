import { IsIn, IsInt, IsNumber, IsString, Min } from 'class-validator';
import { BOUWSTENEN, type Bouwsteen } from '../bouwstenen';

export const DATABASE_STATES = ['up', 'down'] as const;
export type DatabaseState = (typeof DATABASE_STATES)[number];

/** Reply of `<bouwsteen>.v1.health` (request payload: `{}`). */
export class HealthReply {
  @IsIn(BOUWSTENEN)
  bouwsteen: Bouwsteen;

  /** Semantic version of the running service. */
  @IsString()
  version: string;

  @IsNumber()
  @Min(0)
  uptimeSeconds: number;

  @IsIn(DATABASE_STATES)
  database: DatabaseState;

  /** Identifies the instance that answered (host name and process id), to see load sharing. */
  @IsString()
  instance: string;

  @IsInt()
  @Min(0)
  pendingEvents: number;
}
