import { Module } from '@nestjs/common';
import { MijHandlers } from './mij.handlers';

@Module({ controllers: [MijHandlers] })
export class MijModule {}
