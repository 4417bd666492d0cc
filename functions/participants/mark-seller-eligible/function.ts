import { defineFunction, eventTrigger } from '#shared/kernel/declaration';
import { TrainingCompleted } from '#events/training-completed';

export default defineFunction({
  name: 'mark-seller-eligible',
  context: 'participants',
  description: 'On TrainingCompleted, makes the participant eligible to sell',
  trigger: eventTrigger(TrainingCompleted),
  grants: { table: ['write'] },
});
