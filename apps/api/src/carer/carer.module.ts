import { Module } from '@nestjs/common';
import { CarerResolver } from './carer.resolver.js';

@Module({ providers: [CarerResolver] })
export class CarerModule {}
