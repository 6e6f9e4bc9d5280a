import type { DomainCommand } from '../shared/decider.js';
import type { CannotMeetBecause, CarerRequestDetails } from './carer-request.events.js';

export type MakeCarerRequest = DomainCommand<'MakeCarerRequest', CarerRequestDetails>;

export type MeetCarerRequest = DomainCommand<'MeetCarerRequest', { requestId: string; note: string | null }>;

export type DeclineCarerRequest = DomainCommand<
  'DeclineCarerRequest',
  { requestId: string; cannotMeetBecause: CannotMeetBecause; explanation: string }
>;

export type CarerRequestCommand = MakeCarerRequest | MeetCarerRequest | DeclineCarerRequest;
