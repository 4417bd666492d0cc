import { callApiOrThrow, issueToken } from './api-client.ts';
import type { TokenRequest } from './http-api/jwt-authorizer.ts';
import { demoPhotos } from './demo-product-photo.ts';
import { sleep } from './net.ts';
import { seedProductPhotos } from './seed-product-photos.ts';

export interface SeedOptions {
  apiUrl: string;
  log: (line: string) => void;
}

/**
 * Demo data, created through the HTTP API with tokens from /_local/token, so every write takes the
 * production path: validation, use-cases, outbox, stream, relay, bus and consumers.
 * The people are fictional.
 */
export async function seedDemoData({ apiUrl, log }: SeedOptions): Promise<void> {
  const token = (claims: TokenRequest) => issueToken(apiUrl, claims);
  const api = (bearer: string) => (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    callApiOrThrow(apiUrl, method, path, { token: bearer, body, headers });

  const admin = api(await token({ sub: 'demo-admin', roles: ['admin'] }));
  const officer = api(await token({ sub: 'demo-officer-pk', roles: ['officer'] }));

  const group = await admin('POST', '/groups', {
    name: 'Bunga Sampah Lestari',
    focus: 'Kerajinan dari sampah dan daur ulang sampah plastik',
    district: 'Mataram',
    participantSharePercent: 80,
  });
  const groupId = group.id as string;

  const people = [
    { legalName: 'Lalu Wira Pratama', registerNumber: 'PK-MTR/2026/0142', phone: '081237450142', displayName: 'Wira' },
    { legalName: 'Baiq Sri Wahyuni', registerNumber: 'PK-MTR/2026/0157', phone: '087765410157' },
    { legalName: 'Ahmad Fauzan Hakim', registerNumber: 'PK-MTR/2026/0163', phone: '081917330163' },
  ];
  const participants: string[] = [];
  for (const person of people) {
    const created = await officer('POST', '/participants', {
      legalName: person.legalName,
      registerNumber: person.registerNumber,
      groupId,
      supervisionEndsOn: '2027-06-30',
      phone: person.phone,
    });
    participants.push(created.id as string);
  }
  const [firstParticipant] = participants as [string, ...string[]];
  const summary = [`group     ${groupId}  Bunga Sampah Lestari (Mataram)`, `participants ${participants.join(', ')}`];

  const facilitator = api(await token({ sub: 'demo-facilitator', roles: ['facilitator'], groupId }));
  const program = await facilitator('POST', '/programs', {
    groupId,
    title: 'Kerajinan Anyaman Plastik',
    description: 'Menganyam tas, tikar dan keranjang dari kemasan plastik bekas yang dipilah dan dibersihkan.',
    skills: ['pemilahan sampah plastik', 'anyaman', 'finishing produk'],
    sessionsRequired: 4,
  });
  const programId = program.id as string;
  const enrollments: string[] = [];
  for (const participantId of participants) {
    const enrollment = await facilitator('POST', `/programs/${programId}/enrollments`, {
      participantId,
      assessment: { motivation: 4, notes: 'Tertarik belajar menganyam; rajin hadir di Bapas.' },
    });
    enrollments.push(enrollment.id as string);
  }
  const [firstEnrollment] = enrollments as [string, ...string[]];
  for (const date of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']) {
    await facilitator('POST', `/enrollments/${firstEnrollment}/attendance`, { date, present: true });
  }
  await facilitator('POST', `/enrollments/${firstEnrollment}/completion`, { score: 88, certificateNumber: 'BSL-ANY-2026-001' });
  summary.push(`program   ${programId}  Kerajinan Anyaman Plastik`, `enrollments ${enrollments.join(', ')} (the first completed)`);

  // TrainingCompleted → outbox → stream → relay → bus → mark-seller-eligible: eventually consistent.
  const deadline = Date.now() + 10_000;
  let status = '';
  while (status !== 'eligible' && Date.now() < deadline) {
    status = (await officer('GET', `/participants/${firstParticipant}`)).sellerStatus as string;
    if (status !== 'eligible') await sleep(50);
  }
  summary.push(
    `${firstParticipant} sellerStatus: ${status}${status === 'eligible' ? '' : ' (TrainingCompleted not consumed within 10 s: see GET /_local/dead-letters)'}`,
  );

  const participantToken = await token({ sub: 'demo-participant-wira', roles: ['participant'], participantId: firstParticipant });
  const participant = api(participantToken);
  await participant('PUT', `/participants/${firstParticipant}/profile`, {
    displayName: 'Wira',
    story: 'Dulu saya tidak punya keterampilan. Sekarang saya menganyam tas dari kemasan plastik bekas bersama Bunga Sampah Lestari.',
    publicConsent: true,
  });
  summary.push(`artisan   ${apiUrl}/artisans/${firstParticipant} (public profile, with consent)`);

  if (status === 'eligible') {
    const products = [
      {
        title: 'Tas jinjing anyaman bungkus kopi',
        category: 'tas',
        priceIdr: 85_000,
        stock: 6,
        materials: [{ material: 'bungkus kopi sachet', grams: 240 }],
      },
      {
        title: 'Tikar lipat plastik daur ulang',
        category: 'tikar',
        priceIdr: 150_000,
        stock: 2,
        materials: [{ material: 'kantong plastik', grams: 900 }],
      },
    ];
    const listed: string[] = [];
    for (const product of products) {
      const created = await participant('POST', '/products', {
        ...product,
        description: `${product.title}, dibuat tangan oleh Wira di Mataram.`,
      });
      await participant('POST', `/products/${created.id as string}/listing`);
      listed.push(created.id as string);
    }
    summary.push(`products  ${apiUrl}/products (${products.length} listed by ${firstParticipant})`);
    // Processed while the orders below are made, so the photos cost npm start little.
    const photos = seedProductPhotos({
      apiUrl,
      token: participantToken,
      photos: listed.map((productId, index) => ({
        productId,
        photo: demoPhotos[index % demoPhotos.length] as (typeof demoPhotos)[number],
      })),
    });

    // One order delivered (so earnings and the group report have figures) and one waiting for payment.
    const buyer = api(await token({ sub: 'demo-buyer', roles: ['buyer'] }));
    const order = (productId: string, key: string) =>
      buyer('POST', '/orders', { items: [{ productId, quantity: 1 }], shipping: demoShipping }, { 'idempotency-key': key });
    const delivered = await order(listed[0] as string, 'demo-order-1');
    await facilitator('POST', `/orders/${delivered.id as string}/payment`, { method: 'bank_transfer', reference: 'BRI-DEMO-0001' });
    await facilitator('POST', `/orders/${delivered.id as string}/shipment`, { courier: 'jne', trackingNumber: 'JNE-DEMO-0001' });
    await buyer('POST', `/orders/${delivered.id as string}/delivery`);
    const placed = await order(listed[1] as string, 'demo-order-2');
    summary.push(
      `orders    ${delivered.id as string} (delivered), ${placed.id as string} (placed)`,
      `earnings  ${apiUrl}/participants/${firstParticipant}/earnings (credited once OrderDelivered is consumed)`,
      `report    ${apiUrl}/reports/groups/${groupId}`,
    );
    const withoutPhoto = await photos;
    summary.push(
      withoutPhoto.length === 0
        ? `photos    one per product, processed into thumbnail and medium WebP renditions (images in GET /products)`
        : `photos    not ready for ${withoutPhoto.join(', ')} (see GET /_local/dead-letters)`,
    );
  }

  summary.push(...(await seedProgramme({ facilitator, officer, participants, enrollments })));

  log(['Seeded demo data through the API:', ...summary.map((line) => `  ${line}`)].join('\n'));
  log(
    [
      'Get a token and call the API:',
      `  TOKEN=$(curl -s -X POST ${apiUrl}/_local/token -H 'content-type: application/json' \\`,
      `    -d '{"sub":"demo-facilitator","roles":["facilitator"],"groupId":"${groupId}"}' | sed -E 's/.*"token":"([^"]+)".*/\\1/')`,
      `  curl -s ${apiUrl}/groups/${groupId}/participants -H "authorization: Bearer $TOKEN"`,
    ].join('\n'),
  );
}

type Caller = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

/**
 * The programme after training: the second participant's training completed in an earlier cohort (completedOn 120 days
 * ago, so its 3-month follow-up is due and recorded), a mentoring session, and a placement of the first participant.
 */
async function seedProgramme({
  facilitator,
  officer,
  participants,
  enrollments,
}: {
  facilitator: Caller;
  officer: Caller;
  participants: readonly string[];
  enrollments: readonly string[];
}): Promise<string[]> {
  const [wira, sri] = participants as [string, string];
  const earlierEnrollment = enrollments[1] as string;
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  for (const days of [150, 143, 136, 129]) {
    await facilitator('POST', `/enrollments/${earlierEnrollment}/attendance`, { date: daysAgo(days), present: true });
  }
  await facilitator('POST', `/enrollments/${earlierEnrollment}/completion`, { score: 79, completedOn: daysAgo(120) });
  const followUp = await facilitator('POST', `/participants/${sri}/follow-ups`, {
    enrollmentId: earlierEnrollment,
    monthsAfter: 3,
    contactedOn: daysAgo(2),
    working: 'self_employed',
    monthlyIncomeBand: '1m_3m',
    stillSelling: true,
    notes: 'Menjual keranjang anyaman di pasar Kebon Roek.',
  });
  await facilitator('POST', `/participants/${sri}/mentoring-sessions`, {
    date: daysAgo(1),
    topic: 'marketing',
    durationMinutes: 60,
    notes: 'Memotret produk dan menulis deskripsi untuk toko daring.',
  });
  const placement = await officer('POST', `/participants/${wira}/placements`, {
    kind: 'internship',
    organisation: 'Bank Sampah Induk Mataram',
    sector: 'pengelolaan sampah',
    startedOn: daysAgo(10),
  });
  return [
    `programme ${earlierEnrollment} completed 120 days ago (completedOn); follow-up ${followUp.id as string} recorded`,
    `          placement ${placement.id as string} (${wira}); a mentoring session of ${sri}`,
    `          GET /groups/{groupId}/follow-ups?status=done, /participants/${sri}/mentoring-sessions`,
  ];
}

const demoShipping = {
  recipientName: 'Ni Made Ayu',
  phone: '081999000123',
  address: 'Jl. Udayana 12, Monjok',
  city: 'Mataram',
  postalCode: '83122',
};

/** A request the seed cannot go on without: anything but a 2xx stops it. */
