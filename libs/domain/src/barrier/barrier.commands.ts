import type { DomainCommand } from '../shared/decider.js';
import type { BarrierAdjustment, BarrierObservation } from './barrier.events.js';

/** Each command's date is its occurredAt. */
export type ObserveBarrier = DomainCommand<'ObserveBarrier', BarrierObservation>;

export type TakeAdjustmentAction = DomainCommand<'TakeAdjustmentAction', BarrierAdjustment>;

export type ResolveBarrier = DomainCommand<'ResolveBarrier', { barrierId: string; resolution: string }>;

export type ReopenBarrier = DomainCommand<'ReopenBarrier', { barrierId: string; reason: string }>;

export type BarrierCommand = ObserveBarrier | TakeAdjustmentAction | ResolveBarrier | ReopenBarrier;
