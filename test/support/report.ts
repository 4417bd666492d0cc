/** A report's figures when nothing happened in the range. */
export const noFigures = {
  participants: { registered: 0, enrolled: 0, completedTraining: 0, activeSellers: 0 },
  products: { listed: 0 },
  orders: { placed: 0, paid: 0, delivered: 0, cancelled: 0, refunded: 0 },
  revenueIdr: 0,
  refundedIdr: 0,
  participantEarningsIdr: 0,
  payoutsIdr: 0,
  wasteRecycledGrams: 0,
  mentoring: { sessions: 0, participants: 0 },
  placements: { started: 0, internship: 0, job: 0, ownBusiness: 0, ended: 0 },
  followUps: { done: 0, working: 0 },
};

/** The CSV's header row, as a spreadsheet reads it. */
export const reportCsvHeader =
  'groupId,from,to,participants.registered,participants.enrolled,participants.completedTraining,participants.activeSellers,' +
  'products.listed,orders.placed,orders.paid,orders.delivered,orders.cancelled,revenueIdr,participantEarningsIdr,wasteRecycledGrams,' +
  'orders.refunded,refundedIdr,payoutsIdr,' +
  'mentoring.sessions,mentoring.participants,placements.started,placements.internship,placements.job,placements.ownBusiness,' +
  'placements.ended,followUps.done,followUps.working';
