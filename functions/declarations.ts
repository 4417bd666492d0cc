import type { FunctionDeclaration, HttpFunctionDeclaration, HttpRoute } from '#shared/kernel/declaration';
import browseProducts from './catalog/browse-products/function.ts';
import createProduct from './catalog/create-product/function.ts';
import delistProduct from './catalog/delist-product/function.ts';
import getProduct from './catalog/get-product/function.ts';
import listProduct from './catalog/list-product/function.ts';
import processProductImage from './catalog/process-product-image/function.ts';
import requestImageUpload from './catalog/request-image-upload/function.ts';
import updateProduct from './catalog/update-product/function.ts';
import creditEarnings from './earnings/credit-earnings/function.ts';
import getParticipantEarnings from './earnings/get-participant-earnings/function.ts';
import getStatement from './earnings/get-statement/function.ts';
import listPayouts from './earnings/list-payouts/function.ts';
import recordPayout from './earnings/record-payout/function.ts';
import reverseEarnings from './earnings/reverse-earnings/function.ts';
import getOrder from './orders/get-order/function.ts';
import listOrders from './orders/list-orders/function.ts';
import placeOrder from './orders/place-order/function.ts';
import cancelOrder from './orders/cancel-order/function.ts';
import confirmDelivery from './orders/confirm-delivery/function.ts';
import receiveMidtransNotification from './orders/receive-midtrans-notification/function.ts';
import recordPayment from './orders/record-payment/function.ts';
import recordShipment from './orders/record-shipment/function.ts';
import reduceBuyerData from './orders/reduce-buyer-data/function.ts';
import expireUnpaidOrders from './orders/expire-unpaid-orders/function.ts';
import recordRefund from './orders/record-refund/function.ts';
import refuseReturn from './orders/refuse-return/function.ts';
import requestReturn from './orders/request-return/function.ts';
import createGroup from './participants/create-group/function.ts';
import getArtisan from './participants/get-artisan/function.ts';
import getGroup from './participants/get-group/function.ts';
import getParticipant from './participants/get-participant/function.ts';
import listGroupParticipants from './participants/list-group-participants/function.ts';
import listGroups from './participants/list-groups/function.ts';
import markSellerEligible from './participants/mark-seller-eligible/function.ts';
import registerParticipant from './participants/register-participant/function.ts';
import updateProfile from './participants/update-profile/function.ts';
import apiReference from './platform/api-reference/function.ts';
import apiReferenceAsset from './platform/api-reference-asset/function.ts';
import asyncapi from './platform/asyncapi/function.ts';
import eventSchemas from './platform/event-schemas/function.ts';
import health from './platform/health/function.ts';
import openapi from './platform/openapi/function.ts';
import outboxRelay from './platform/outbox-relay/function.ts';
import getGroupReport from './reports/get-group-report/function.ts';
import projectGroupReport from './reports/project-group-report/function.ts';
import endPlacement from './programme/end-placement/function.ts';
import listMentoringSessions from './programme/list-mentoring-sessions/function.ts';
import listGroupFollowUps from './programme/list-group-follow-ups/function.ts';
import listPlacements from './programme/list-placements/function.ts';
import openFollowUps from './programme/open-follow-ups/function.ts';
import recordFollowUp from './programme/record-follow-up/function.ts';
import recordMentoring from './programme/record-mentoring/function.ts';
import startPlacement from './programme/start-placement/function.ts';
import completeTraining from './training/complete-training/function.ts';
import eraseParticipantData from './privacy/erase-personal-data/function.ts';
import exportParticipantData from './privacy/export-personal-data/function.ts';
import getAccessLog from './privacy/get-access-log/function.ts';
import createProgram from './training/create-program/function.ts';
import enrollParticipant from './training/enroll-participant/function.ts';
import listParticipantEnrollments from './training/list-participant-enrollments/function.ts';
import listPrograms from './training/list-programs/function.ts';
import recordAttendance from './training/record-attendance/function.ts';
import deleteWebhook from './webhooks/delete-webhook/function.ts';
import deliverWebhook from './webhooks/deliver-webhook/function.ts';
import fanOutWebhookEvent from './webhooks/fan-out-webhook-event/function.ts';
import getWebhook from './webhooks/get-webhook/function.ts';
import listWebhookDeliveries from './webhooks/list-webhook-deliveries/function.ts';
import listWebhooks from './webhooks/list-webhooks/function.ts';
import registerWebhook from './webhooks/register-webhook/function.ts';
import retryWebhookDelivery from './webhooks/retry-webhook-delivery/function.ts';
import rotateWebhookSecret from './webhooks/rotate-webhook-secret/function.ts';

/** Every function of the platform. The CDK app and the local runtime both build from this list. */
export const declarations: readonly FunctionDeclaration[] = [
  health,
  openapi,
  eventSchemas,
  asyncapi,
  apiReference,
  apiReferenceAsset,
  outboxRelay,
  createGroup,
  listGroups,
  getGroup,
  registerParticipant,
  getParticipant,
  listGroupParticipants,
  updateProfile,
  getArtisan,
  markSellerEligible,
  createProgram,
  listPrograms,
  enrollParticipant,
  recordAttendance,
  completeTraining,
  listParticipantEnrollments,
  recordMentoring,
  listMentoringSessions,
  startPlacement,
  endPlacement,
  listPlacements,
  openFollowUps,
  recordFollowUp,
  listGroupFollowUps,
  createProduct,
  updateProduct,
  listProduct,
  delistProduct,
  browseProducts,
  getProduct,
  requestImageUpload,
  processProductImage,
  placeOrder,
  getOrder,
  listOrders,
  creditEarnings,
  getParticipantEarnings,
  reverseEarnings,
  recordPayout,
  listPayouts,
  getStatement,
  getAccessLog,
  exportParticipantData,
  eraseParticipantData,
  recordPayment,
  recordShipment,
  reduceBuyerData,
  expireUnpaidOrders,
  confirmDelivery,
  cancelOrder,
  requestReturn,
  recordRefund,
  refuseReturn,
  receiveMidtransNotification,
  registerWebhook,
  listWebhooks,
  getWebhook,
  deleteWebhook,
  rotateWebhookSecret,
  listWebhookDeliveries,
  retryWebhookDelivery,
  fanOutWebhookEvent,
  deliverWebhook,
  projectGroupReport,
  getGroupReport,
];

export function httpDeclarations(): HttpFunctionDeclaration[] {
  return declarations.filter((declaration): declaration is HttpFunctionDeclaration => declaration.trigger.kind === 'http');
}

export function httpRoutes(): HttpRoute[] {
  return httpDeclarations().map((declaration) => declaration.trigger.route);
}
