import { defineFunction } from '#shared/kernel/declaration';
import { patternFor } from '#events/event-contract';
import { TrainingCompleted } from '#events/training-completed';

export default defineFunction({
  name: 'mark-seller-eligible',
  context: 'participants',
  description: 'On TrainingCompleted, makes the participant eligible to sell',
  trigger: { kind: 'event', pattern: patternFor(TrainingCompleted) },
  grants: { table: ['write'] },
});
