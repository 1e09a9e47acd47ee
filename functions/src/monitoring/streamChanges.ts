/**
 * The changes of month records and registry records in a batch of the table's stream records (Lambda's event
 * source, or the local follower reading DynamoDB Local's stream): each with the stream
 * record's id, so a redelivery is known, and the item before and after.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { MonthChange } from './figureRepository.js';

/** What a stream record carries, as Lambda and the DynamoDB Streams API both give it. */
export interface TableStreamRecord {
  eventID?: string | undefined;
  dynamodb?:
    | {
        NewImage?: Record<string, AttributeValue> | undefined;
        OldImage?: Record<string, AttributeValue> | undefined;
      }
    | undefined;
}

/** The items whose changes move figures: month records, and registry records (their trainings). */
export const FIGURE_ITEM_TYPES = ['employment', 'worker'] as const;

const isFigureItem = (image: Record<string, AttributeValue> | undefined) =>
  (FIGURE_ITEM_TYPES as readonly string[]).includes(image?.type?.S ?? '');

/** The changes of month records and registry records among `records`, in stream order. */
export function monthChangesOf(records: readonly TableStreamRecord[]): MonthChange[] {
  return records.flatMap((record) => {
    const { NewImage, OldImage } = record.dynamodb ?? {};
    if (!record.eventID || (!isFigureItem(NewImage) && !isFigureItem(OldImage))) return [];
    return [
      {
        changeId: record.eventID,
        before: OldImage && unmarshall(OldImage as never),
        after: NewImage && unmarshall(NewImage as never),
      },
    ];
  });
}
