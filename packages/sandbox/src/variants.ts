import { PAYMENT_METHODS, type PaymentMethodType } from '@clink-checkout/protocol';
import type { Device } from './device.js';
import { hashToUnit } from './ids.js';

/**
 * How one answer is shaped. The default sandbox answers in one fixed shape; the varied sandbox
 * (`createSandbox({ variants })`) picks, per order, event, refusal and instrument, among the shapes
 * Clink's contract allows. Shapes only change how an answer is written, never what the payment does.
 */

/** How a QR image field is filled: a URL to the image, a `data:` URL, bare Base64 (no prefix), or not at all. */
export type ImageForm = 'url' | 'data_url' | 'bare_base64' | 'absent';

/** Order fields Clink marks optional that a varied `GET /order` (and webhook) may leave out. */
export const OMITTABLE_ORDER_FIELDS = [
  'amountSubtotal',
  'amountTotal',
  'paymentCurrency',
  'originalCurrency',
  'riskLevel',
  'paymentExecutionDetails',
  'sessionId',
  'createTime',
  'type',
] as const;
export type OmittableOrderField = (typeof OMITTABLE_ORDER_FIELDS)[number];

/** Order statuses Clink does not document (yet): a reader must treat them as "not final". */
export const UNKNOWN_ORDER_STATUSES = ['processing', 'authorizing'] as const;

/** Made-up bank app schemes: Clink documents no list, so any well-formed scheme may come. */
export const MADE_UP_APP_SCHEMES = ['sandboxbank', 'x-sandbox-bank'] as const;

/** The shape of everything said about one order: its create answer, its actions, its order reads. */
export interface OrderShape {
  /** Fields the create answer leaves out (`amount` means `amount` and `currency`). */
  createOmits: { sessionId: boolean; amount: boolean; status: boolean };
  /** `action.method` on a GET redirect (a POST form always says POST). */
  actionMethod: 'present' | 'absent';
  /** `action.paymentMethodType`: the enum value, absent (`type` only), or free text. */
  actionMethodType: { kind: 'enum' } | { kind: 'absent' } | { kind: 'free_text'; text: string };
  /** QR image fields; when all are absent, `mobileAuthUrl` is always present to draw the QR from. */
  images: { png: ImageForm; svg: ImageForm; dataUrl: boolean };
  /** An https (or the sandbox's) `redirectUrl` to the phone page next to the QR data. */
  redirectWithQr: boolean;
  /** On phones: the app link of the method's usual app, or another scheme (always with a fallback). */
  appLink: { kind: 'usual' } | { kind: 'other'; scheme: string; packageName: string | undefined };
  /** Which expiry fields the wallet data carries. */
  expiry: 'both' | 'expires_at' | 'expires_second';
  /** Fields `GET /order` and webhooks leave out. */
  orderOmits: readonly OmittableOrderField[];
  /** Reported by `GET /order` instead of `requires_action` / `pending` until the order is final. */
  unknownStatus: string | undefined;
}

/** The shape of one webhook event. */
export interface EventShape {
  /** `created`: an ISO 8601 string (Clink's type), integer ms, or integer s. */
  created: 'iso' | 'ms' | 's';
  /** Where the order sits: `data`, or `data.object` (seen in real traffic). */
  nesting: 'data' | 'data.object';
  /** Unit of `X-Clink-Timestamp` (not documented; both are seen). */
  timestampUnit: 'ms' | 's';
  /** Whether `X-Clink-SignType: SHA256` is sent ("sometimes"). */
  signType: boolean;
}

/** The shape of one refusal: its HTTP status, or HTTP 200 with the failure only in `code`. */
export interface RefusalShape {
  http200: boolean;
}

/** The shape of a `POST /payment-instrument` answer. */
export interface InstrumentShape {
  omitWallet: boolean;
  omitCreated: boolean;
}

/** Chooses the shape of each answer. */
export interface AnswerShapes {
  /** The seed of a varied sandbox; undefined for the default one. */
  readonly seed: string | undefined;
  order(method: PaymentMethodType, device: Device): OrderShape;
  event(): EventShape;
  refusal(): RefusalShape;
  instrument(): InstrumentShape;
}

export const DEFAULT_ORDER_SHAPE: OrderShape = {
  createOmits: { sessionId: false, amount: false, status: false },
  actionMethod: 'present',
  actionMethodType: { kind: 'enum' },
  images: { png: 'url', svg: 'url', dataUrl: true },
  redirectWithQr: false,
  appLink: { kind: 'usual' },
  expiry: 'both',
  orderOmits: [],
  unknownStatus: undefined,
};

const DEFAULT_EVENT_SHAPE: EventShape = { created: 'iso', nesting: 'data', timestampUnit: 'ms', signType: true };

/** The default sandbox: one shape for everything, as in the README's tables. */
export function defaultShapes(): AnswerShapes {
  return {
    seed: undefined,
    order: () => DEFAULT_ORDER_SHAPE,
    event: () => DEFAULT_EVENT_SHAPE,
    refusal: () => ({ http200: false }),
    instrument: () => ({ omitWallet: false, omitCreated: false }),
  };
}

/**
 * The varied sandbox. Every choice is a hash of the seed, what is being shaped and its sequence number,
 * so the same seed and the same calls give the same answers, whatever ids or clock the sandbox has.
 */
export function variedShapes(seed: string): AnswerShapes {
  const counters = { order: 0, event: 0, refusal: 0, instrument: 0 };
  const chooser = (scope: keyof typeof counters) => {
    const n = (counters[scope] += 1);
    const roll = (name: string): number => hashToUnit(`${seed}\u0000${scope}\u0000${n}\u0000${name}`);
    return {
      chance: (name: string, probability: number): boolean => roll(name) < probability,
      pick: <T>(name: string, options: readonly T[]): T => options[Math.floor(roll(name) * options.length)]!,
    };
  };

  return {
    seed,
    order(method, device) {
      const { chance, pick } = chooser('order');
      const images = { png: pick('png', IMAGE_FORMS), svg: pick('svg', IMAGE_FORMS), dataUrl: chance('dataUrl', 0.5) };
      if (chance('noImage', 0.15)) Object.assign(images, { png: 'absent', svg: 'absent', dataUrl: false });
      return {
        createOmits: { sessionId: chance('omitSessionId', 0.25), amount: chance('omitAmount', 0.25), status: chance('omitStatus', 0.25) },
        actionMethod: chance('omitMethod', 0.3) ? 'absent' : 'present',
        actionMethodType: pick('methodType', methodTypeOptions(method)),
        images,
        redirectWithQr: chance('redirectWithQr', 0.25),
        appLink: device.kind === 'phone' && chance('otherApp', 0.4) ? otherAppLink(method, chance, pick) : { kind: 'usual' },
        expiry: pick('expiry', ['both', 'both', 'expires_at', 'expires_second'] as const),
        orderOmits: OMITTABLE_ORDER_FIELDS.filter((field) => chance(`omit:${field}`, 0.2)),
        unknownStatus: chance('unknownStatus', 0.3) ? pick('status', UNKNOWN_ORDER_STATUSES) : undefined,
      };
    },
    event() {
      const { chance, pick } = chooser('event');
      return {
        created: pick('created', ['iso', 'ms', 's'] as const),
        nesting: chance('nested', 0.3) ? 'data.object' : 'data',
        timestampUnit: chance('seconds', 0.5) ? 's' : 'ms',
        signType: !chance('noSignType', 0.3),
      };
    },
    refusal() {
      return { http200: chooser('refusal').chance('http200', 0.4) };
    },
    instrument() {
      const { chance } = chooser('instrument');
      return { omitWallet: chance('omitWallet', 0.25), omitCreated: chance('omitCreated', 0.25) };
    },
  };
}

const IMAGE_FORMS = ['url', 'data_url', 'bare_base64', 'absent'] as const satisfies readonly ImageForm[];

/** `action.paymentMethodType` is free text in Clink's types: the enum value, nothing, or another spelling. */
function methodTypeOptions(method: PaymentMethodType): OrderShape['actionMethodType'][] {
  const spellings = [PAYMENT_METHODS[method].displayName, method.toLowerCase()].filter((text) => text !== method);
  return [{ kind: 'enum' }, { kind: 'absent' }, ...spellings.map((text) => ({ kind: 'free_text' as const, text }))];
}

type OtherAppLink = Extract<OrderShape['appLink'], { kind: 'other' }>;

/**
 * Another app than the usual one: mostly one of the method's other known schemes (e.g. `kakaopay`,
 * `alipayhk`), else a made-up bank. The usual link uses the table's first scheme, except Cash App's, which
 * is an https universal link.
 */
function otherAppLink(
  method: PaymentMethodType,
  chance: (name: string, probability: number) => boolean,
  pick: <T>(name: string, options: readonly T[]) => T,
): OtherAppLink {
  const info = PAYMENT_METHODS[method];
  const known = method === 'CASHAPP' ? info.appSchemes : info.appSchemes.slice(1);
  if (known.length > 0 && chance('knownScheme', 0.65)) return { kind: 'other', scheme: pick('scheme', known), packageName: info.androidPackage };
  return { kind: 'other', scheme: pick('scheme', MADE_UP_APP_SCHEMES), packageName: undefined };
}
