import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BusinessRuleError, ConflictError, NotFoundError } from '#shared/kernel/errors';
import { isConditionFailure, queryAll } from '#shared/kernel/store/dynamo';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import {
  enrollmentGuardKey,
  enrollmentKey,
  indexKeys,
  indexQuery,
  participantEnrollmentKey,
  participantEnrollmentPrefix,
  participantEnrollments,
  participantKey,
  referencedId,
} from '#shared/kernel/store/keys';
import { outboxPut } from '#shared/kernel/store/outbox';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import type { EnrollmentStore } from './ports.ts';
import type { Enrollment } from './schemas.ts';

/**
 * Attendance is kept as two string sets of dates, so recording a date twice cannot count
 * twice and the completion condition can compare size(attendedDates) inside DynamoDB.
 */
type EnrollmentItem = Omit<Enrollment, 'attendance' | 'sessionsAttended'> & { attendedDates?: Set<string>; absentDates?: Set<string> };

function toEnrollment(item: Record<string, unknown>): Enrollment {
  const e = item as EnrollmentItem;
  const attended = [...(e.attendedDates ?? [])];
  const attendance = [
    ...attended.map((date) => ({ date, present: true })),
    ...[...(e.absentDates ?? [])].map((date) => ({ date, present: false })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return {
    id: e.id,
    programId: e.programId,
    participantId: e.participantId,
    groupId: e.groupId,
    status: e.status,
    sessionsAttended: attended.length,
    sessionsRequired: e.sessionsRequired,
    attendance,
    // Erasure removes the notes: null then says they were erased, not that none were written.
    assessment: { motivation: e.assessment.motivation, notes: e.assessment.notes ?? null },
    score: e.score ?? null,
    certificateNumber: e.certificateNumber ?? null,
    completedAt: e.completedAt ?? null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export function buildEnrollmentStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): EnrollmentStore {
  const get = async (enrollmentId: string) => {
    // Strong: completion reads back its own write, and attendance and completion check the status read here.
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: enrollmentKey(enrollmentId), ConsistentRead: true }));
    return Item ? toEnrollment(Item) : undefined;
  };

  return {
    get,
    async enroll(enrollment, event) {
      const { attendance: _attendance, sessionsAttended: _sessionsAttended, ...stored } = enrollment;
      const items = [
        tagged('guard', {
          Put: {
            TableName: table,
            Item: {
              ...enrollmentGuardKey(enrollment.programId, enrollment.participantId),
              entity: 'enrollment-guard',
              enrollmentId: enrollment.id,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        tagged('participant', {
          ConditionCheck: {
            TableName: table,
            Key: participantKey(enrollment.participantId),
            // Not after erasure either: new notes about an erased person would undo it.
            ConditionExpression: 'groupId = :groupId AND attribute_not_exists(erasedAt)',
            ExpressionAttributeValues: { ':groupId': enrollment.groupId },
          },
        }),
        tagged('enrollment', {
          Put: {
            TableName: table,
            Item: {
              ...enrollmentKey(enrollment.id),
              entity: 'enrollment',
              ...indexKeys(participantEnrollments(enrollment.participantId), enrollment.id),
              ...stored,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        tagged('reference', {
          Put: {
            TableName: table,
            Item: { ...participantEnrollmentKey(enrollment.participantId, enrollment.id), entity: 'participant-enrollment' },
          },
        }),
        tagged('event', outboxPut(table, event)),
      ];
      try {
        await transactWrite(doc, items);
      } catch (error) {
        const failed = failedConditions(error, items);
        if (failedOn(failed, 'guard')) throw new ConflictError('The participant is already enrolled in this program');
        if (failedOn(failed, 'participant')) {
          throw new BusinessRuleError("The participant is not in this program's group (or their personal data was erased)");
        }
        throw error;
      }
    },
    async recordAttendance(enrollmentId, { date, present }, updatedAt) {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: enrollmentKey(enrollmentId),
            UpdateExpression: `SET updatedAt = :updatedAt ADD ${present ? 'attendedDates' : 'absentDates'} :date DELETE ${present ? 'absentDates' : 'attendedDates'} :date`,
            ConditionExpression: '#status = :enrolled',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':date': new Set([date]), ':enrolled': 'enrolled', ':updatedAt': updatedAt },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return toEnrollment(Attributes ?? {});
      } catch (error) {
        if (isConditionFailure(error)) throw new ConflictError('The training is already completed');
        throw error;
      }
    },
    async complete(enrollmentId, { score, certificateNumber }, { completedAt, updatedAt }, event) {
      const items = [
        tagged('enrollment', {
          Update: {
            TableName: table,
            Key: enrollmentKey(enrollmentId),
            UpdateExpression:
              'SET #status = :completed, score = :score, certificateNumber = :certificate, completedAt = :completedAt, updatedAt = :updatedAt',
            // Re-checked here, not only by the use-case, so a concurrent completion or attendance change cannot slip through.
            ConditionExpression: '#status = :enrolled AND size(attendedDates) >= sessionsRequired',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':completed': 'completed',
              ':enrolled': 'enrolled',
              ':score': score,
              ':certificate': certificateNumber ?? null,
              ':completedAt': completedAt,
              ':updatedAt': updatedAt,
            },
          },
        }),
        tagged('event', outboxPut(table, event)),
      ];
      try {
        await transactWrite(doc, items);
      } catch (error) {
        if (!failedOn(failedConditions(error, items), 'enrollment')) throw error;
        const current = await get(enrollmentId);
        if (!current) throw new NotFoundError('Enrollment');
        if (current.status === 'completed') throw new ConflictError('The training is already completed');
        if (current.sessionsAttended < current.sessionsRequired) {
          throw new BusinessRuleError(`Attended ${current.sessionsAttended} of ${current.sessionsRequired} required sessions`);
        }
        throw new ConflictError('The enrollment changed meanwhile; try again');
      }
      return (await get(enrollmentId)) as Enrollment;
    },
    async eraseNotes(participantId, erasedAt) {
      // Consistent, on the participant's own partition: an enrollment written just before the erasure is found too.
      const refs = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': participantKey(participantId).pk, ':prefix': participantEnrollmentPrefix },
        ConsistentRead: true,
      });
      for (const ref of refs) {
        try {
          await doc.send(
            new UpdateCommand({
              TableName: table,
              Key: enrollmentKey(referencedId(ref.sk as string, participantEnrollmentPrefix)),
              UpdateExpression: 'REMOVE assessment.notes SET erasedAt = :at, updatedAt = :at',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(erasedAt)',
              ExpressionAttributeValues: { ':at': erasedAt },
            }),
          );
        } catch (error) {
          // Erased already (a repeated erasure): nothing left to do for this one.
          if (!isConditionFailure(error)) throw error;
        }
      }
    },
    async listByParticipant(participantId, page) {
      const result = await queryPage(
        doc,
        {
          TableName: table,
          ...indexQuery(participantEnrollments(participantId)),
          ScanIndexForward: false,
        },
        page,
        cursors,
      );
      return { items: result.items.map(toEnrollment), nextCursor: result.nextCursor };
    },
  };
}
