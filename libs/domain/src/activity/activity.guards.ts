import { requireText, requireValidDate } from '../shared/guards.js';
import { sharedError } from '../shared/shared.reasons.js';
import { activityError } from './activity.reasons.js';
import type { ActivityRecord, ActivityState } from './activity.state.js';

/** Ids are chosen by the caller; they only need to be present and of a sane length. */
export const requireId = (field: string, value: string): string => requireText(field, value, 100);

export const isoDate = (field: string, value: string) => requireValidDate(field, new Date(value)).toISOString();

/** The types say boolean, but a null from an untyped caller must not be stored as "unknown". */
export function requireBoolean(field: string, value: boolean): boolean {
  if (typeof value !== 'boolean') throw sharedError('REQUIRED', `${field} must be true or false`, { field });
  return value;
}

export function existing(state: ActivityState, activityId: string): ActivityRecord {
  if (state.status === 'unknown') throw activityError('ACTIVITY_NOT_FOUND', `Activity ${activityId} does not exist`);
  return state;
}

export function notCancelled(activity: ActivityRecord): ActivityRecord {
  if (activity.status === 'cancelled') {
    throw activityError('ACTIVITY_CANCELLED', `Activity ${activity.activityId} was cancelled`);
  }
  return activity;
}

/** Still ahead: neither held nor cancelled. */
export function stillScheduled(activity: ActivityRecord): ActivityRecord {
  notCancelled(activity);
  if (activity.status === 'held') {
    throw activityError('ACTIVITY_ALREADY_HELD', `Activity ${activity.activityId} was already held`);
  }
  return activity;
}

export function held(activity: ActivityRecord): ActivityRecord {
  notCancelled(activity);
  if (activity.status !== 'held') {
    throw activityError('ACTIVITY_NOT_HELD', `Activity ${activity.activityId} has not been held yet`);
  }
  return activity;
}

/** Own-property lookup: carer ids are caller-chosen strings and must not hit Object.prototype. */
export function entriesOf<T>(byCarer: Readonly<Record<string, readonly T[]>>, carerId: string): readonly T[] {
  return Object.hasOwn(byCarer, carerId) ? (byCarer[carerId] ?? []) : [];
}
