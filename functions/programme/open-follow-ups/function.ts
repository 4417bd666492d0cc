import { TrainingCompleted } from '#events/training-completed';
import { defineFunction, eventTrigger } from '#shared/kernel/declaration';

export default defineFunction({
  name: 'open-follow-ups',
  context: 'programme',
  description: "On TrainingCompleted, opens the training's follow-ups due 3, 6 and 12 months after its completion",
  trigger: eventTrigger(TrainingCompleted),
  grants: { table: ['write'] },
});
