// Configuration: read from the environment once, validated, frozen, then passed down.
// Nothing else in the code base reads process.env.
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_WEIGHTS } from '../matching/rank';
import type { MatchWeights } from '../matching/types';
import { ConfigError } from './errors';

const onOff = z.enum(['on', 'off'], { error: 'doit valoir "on" ou "off"' });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'doit valoir development, production ou test' }).default('development'),
  PORT: z.coerce.number({ error: 'doit être un nombre' }).int('doit être un entier').min(0, 'doit être entre 0 et 65535').max(65535, 'doit être entre 0 et 65535').default(4000),
  DATA_DIR: z.string().trim().min(1, 'ne doit pas être vide').default('./data'),
  MONGODB_URI: z.string().trim().regex(/^mongodb(\+srv)?:\/\//, 'doit commencer par mongodb:// ou mongodb+srv://').optional(),
  JWT_SECRET: z.string().optional(),
  JWT_TTL: z.string().trim().regex(/^\d+[smhd]$/, 'doit être une durée comme 8h, 30m ou 3600s').default('8h'),
  SMTP_URL: z.string().trim().regex(/^smtps?:\/\//, 'doit commencer par smtp:// ou smtps://').optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^(?:[^<>@]+<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'doit être une adresse comme no-reply@exemple.fr ou « Nom <no-reply@exemple.fr> »')
    .default('Passerelle ESS <no-reply@localhost>'),
  MAIL_GIVE_UP_AFTER: z.string().trim().regex(/^\d+(ms|s|m|h|d)$/, 'doit être une durée comme 24h, 90m ou 500ms').default('24h'),
  MAIL_POLL_INTERVAL: z.string().trim().regex(/^\d+(ms|s|m|h|d)$/, 'doit être une durée comme 1s ou 200ms').default('1s'),
  MAIL_RECOVER_INTERVAL: z.string().trim().regex(/^\d+(ms|s|m|h|d)$/, 'doit être une durée comme 1m ou 30s').default('1m'),
  FOLLOW_UP_AFTER: z.string().trim().regex(/^[1-9]\d{0,5}[smhd]$/, 'doit être une durée comme 21d, 10m ou 2s (un nombre puis s, m, h ou d)').default('21d'),
  // Told to firms (need received mail, their space): when the Métropole proposes structures for a confirmed need.
  SERVICE_COMMITMENT: z.string().trim().min(1, 'ne doit pas être vide').max(100, 'doit tenir en 100 caractères').default('sous 5 jours ouvrés'),
  // Unset: on outside production, off in production (see loadConfig).
  SAMPLE_DATA: onOff.optional(),
  MAIL_TRANSPORT: z.enum(['smtp', 'files'], { error: 'doit valoir "smtp" ou "files"' }).optional(),
  PUBLIC_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'doit être une adresse comme https://passerelle.metropole-rouen-normandie.fr')
    .optional(),
  MATCH_WEIGHTS: z.string().trim().optional(),
  CORS_ORIGINS: z.string().trim().default(''),
  // Origins (CSP source expressions) that may frame /embed/annuaire: the Métropole's website.
  FRAME_ANCESTORS: z
    .string()
    .trim()
    .refine((v) => v.split(/[\s,]+/).every((o) => o === '' || /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i.test(o)), 'doit être une liste d\'origines séparées par des virgules, comme https://www.metropole-rouen-normandie.fr')
    .default(''),
  // Which peers may tell the client's address in X-Forwarded-For: never "true" (anyone could forge it).
  TRUST_PROXY: z
    .string()
    .trim()
    .refine(isTrustProxy, "doit être loopback, false, un nombre de relais ou une liste d'adresses IP ou de réseaux (ex. 10.0.0.0/8)")
    .default('loopback'),
  // The public site's legal pages (api/pages/legal.ts): their variable parts.
  LEGAL_PUBLISHER: z.string().trim().default('Métropole Rouen Normandie, Le 108, 108 allée François Mitterrand, CS 50589, 76006 Rouen Cedex'),
  LEGAL_DIRECTOR: z.string().trim().default('le Président de la Métropole Rouen Normandie'),
  LEGAL_HOST: z.string().trim().default('Métropole Rouen Normandie, direction des systèmes d’information, 76006 Rouen Cedex'),
  DPO_CONTACT: z.string().trim().default('dpo@metropole-rouen-normandie.fr'),
  ACCESSIBILITY_STATUS: z.enum(['totalement', 'partiellement', 'non'], { error: 'doit valoir totalement, partiellement ou non' }).default('non'),
  ACCESSIBILITY_CONTACT: z.string().trim().default('accessibilite@metropole-rouen-normandie.fr'),
  LOGIN_ADDRESS_LIMIT: z.coerce
    .number({ error: 'doit être un nombre' })
    .int('doit être un entier')
    .min(1, 'doit être entre 1 et 100000')
    .max(100_000, 'doit être entre 1 et 100000')
    .default(100),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'doit valoir fatal, error, warn, info, debug, trace ou silent' }).default('info'),
  METRICS_TOKEN: z.string().trim().min(16, 'doit faire au moins 16 caractères').optional(),
});

/** Every variable the service reads (docs/operations.md's configuration table and .env.example list them all). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

/** A hop count, false, or a list of proxy names, addresses and networks as express's proxy-addr takes them. */
function isTrustProxy(value: string): boolean {
  if (/^\d{1,2}$/.test(value) || value === 'false') return true;
  return value.split(',').every((entry) => {
    const [address = '', prefix, extra] = entry.trim().split('/');
    if (['loopback', 'linklocal', 'uniquelocal'].includes(address) && prefix === undefined) return true;
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    return family !== 0 && extra === undefined && (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits));
  });
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly production: boolean;
  readonly port: number;
  readonly dataDir: string; // absolute
  readonly mongodbUri: string | null;
  /** Null in development without JWT_SECRET: a secret is then generated once and kept in dataDir. */
  readonly jwtSecret: string | null;
  readonly jwtTtlSeconds: number;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** A mail still undelivered this long after its first attempt is FAILED (shown to officers). */
  readonly mailGiveUpAfterMs: number;
  /** How often the outbox worker looks for mails due (it is also woken at once by an approval). */
  readonly mailPollIntervalMs: number;
  /** How often the outbox's recovery pass finishes what a crash or a store error left half done. */
  readonly mailRecoverIntervalMs: number;
  /** How long after a shortlist is SENT its follow-ups go out; the one reminder as long again after. */
  readonly followUpAfterMs: number;
  /** The Métropole's promise to firms, as words that follow « une liste de structures vous sera proposée » (« sous 5 jours ouvrés »). */
  readonly serviceCommitment: string;
  /** SAMPLE_DATA; unset: on outside production, off in production (only an explicit "on" loads it there). */
  readonly sampleData: boolean;
  /** How mails leave: null in production when neither SMTP_URL nor MAIL_TRANSPORT=files is set (the start is then refused). */
  readonly mailTransport: 'smtp' | 'files' | null;
  readonly legal: Readonly<LegalSettings>;
  /** Where people reach the service (every link in a mail starts with it); null: http://localhost:<port actually bound>. */
  readonly publicUrl: string | null;
  /** The matcher's weights; the matcher normalises them to sum 1. */
  readonly matchWeights: Readonly<MatchWeights>;
  readonly corsOrigins: readonly string[];
  /** Origins allowed to show /embed/annuaire in a frame (every other page refuses any). */
  readonly frameAncestors: readonly string[];
  /** express's "trust proxy": a hop count, false, or the addresses of trusted reverse proxies. */
  readonly trustProxy: number | boolean | string;
  /** Failed logins allowed from one client address in 15 minutes, whatever the accounts (an office behind one NAT shares it). */
  readonly loginAddressLimit: number;
  /** pino's level for the structured log. */
  readonly logLevel: string;
  /** Bearer token of /metrics; null: no /metrics. */
  readonly metricsToken: string | null;
}

/** The variable parts of the legal pages (mentions légales, données personnelles, accessibilité). */
export interface LegalSettings {
  publisher: string;
  director: string;
  host: string;
  dpoContact: string;
  accessibilityStatus: 'totalement' | 'partiellement' | 'non';
  accessibilityContact: string;
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

function seconds(duration: string): number {
  const unit = duration.slice(-1) as keyof typeof UNIT_SECONDS;
  return Number(duration.slice(0, -1)) * UNIT_SECONDS[unit];
}

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function milliseconds(duration: string): number {
  const [, amount, unit] = /^(\d+)(ms|s|m|h|d)$/.exec(duration)!;
  return Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
}

/** "text=0.5,location=0.3": the components named replace their default weight. */
function matchWeights(spec: string | undefined): Readonly<MatchWeights> {
  const weights: MatchWeights = { ...DEFAULT_WEIGHTS };
  const names = Object.keys(DEFAULT_WEIGHTS).join(', ');
  for (const entry of (spec ?? '').split(',').filter((e) => e.trim())) {
    const [name = '', value = '', extra] = entry.split('=').map((part) => part.trim());
    if (!Object.hasOwn(DEFAULT_WEIGHTS, name) || extra !== undefined) {
      throw new ConfigError(`Configuration invalide : MATCH_WEIGHTS attend des paires composante=poids (${names}), reçu « ${entry.trim()} ».`);
    }
    const weight = Number(value);
    if (value === '' || !Number.isFinite(weight) || weight < 0) {
      throw new ConfigError(`Configuration invalide : MATCH_WEIGHTS, le poids de ${name} doit être un nombre positif ou nul.`);
    }
    weights[name as keyof MatchWeights] = weight;
  }
  if (Object.values(weights).every((w) => w === 0)) throw new ConfigError('Configuration invalide : MATCH_WEIGHTS ne peut pas mettre tous les poids à 0.');
  return Object.freeze(weights);
}

/**
 * Validates the environment; throws ConfigError with one clear French line naming the variable.
 * `tool`: for the operators' scripts (backup, create-user...), which sign no token: JWT_SECRET is not required.
 */
export function loadConfig(env: Record<string, string | undefined>, { tool = false }: { tool?: boolean } = {}): Config {
  // Empty values count as unset, as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Configuration invalide : ${String(issue.path[0])} ${issue.message}.`);
  }
  const v = parsed.data;
  const production = v.NODE_ENV === 'production';
  if (v.JWT_SECRET !== undefined && Buffer.byteLength(v.JWT_SECRET) < 32) {
    throw new ConfigError('Configuration invalide : JWT_SECRET doit faire au moins 32 octets.');
  }
  if (production && v.JWT_SECRET === undefined && !tool) {
    throw new ConfigError('Configuration invalide : JWT_SECRET est obligatoire en production (au moins 32 octets).');
  }
  if (seconds(v.JWT_TTL) < 60) {
    throw new ConfigError('Configuration invalide : JWT_TTL doit être d\'au moins une minute.');
  }
  if (milliseconds(v.MAIL_POLL_INTERVAL) < 10) {
    throw new ConfigError('Configuration invalide : MAIL_POLL_INTERVAL doit être d\'au moins 10 ms.');
  }
  if (v.MAIL_TRANSPORT === 'smtp' && v.SMTP_URL === undefined) {
    throw new ConfigError('Configuration invalide : MAIL_TRANSPORT=smtp demande SMTP_URL (adresse du serveur de courriel).');
  }
  return Object.freeze({
    env: v.NODE_ENV,
    production,
    port: v.PORT,
    dataDir: path.resolve(v.DATA_DIR),
    mongodbUri: v.MONGODB_URI ?? null,
    jwtSecret: v.JWT_SECRET ?? null,
    jwtTtlSeconds: seconds(v.JWT_TTL),
    smtpUrl: v.SMTP_URL ?? null,
    mailFrom: v.MAIL_FROM,
    mailGiveUpAfterMs: milliseconds(v.MAIL_GIVE_UP_AFTER),
    mailPollIntervalMs: milliseconds(v.MAIL_POLL_INTERVAL),
    mailRecoverIntervalMs: milliseconds(v.MAIL_RECOVER_INTERVAL),
    followUpAfterMs: seconds(v.FOLLOW_UP_AFTER) * 1000,
    serviceCommitment: v.SERVICE_COMMITMENT,
    sampleData: (v.SAMPLE_DATA ?? (production ? 'off' : 'on')) === 'on',
    mailTransport: v.MAIL_TRANSPORT ?? (v.SMTP_URL ? 'smtp' : production ? null : 'files'),
    legal: Object.freeze({
      publisher: v.LEGAL_PUBLISHER,
      director: v.LEGAL_DIRECTOR,
      host: v.LEGAL_HOST,
      dpoContact: v.DPO_CONTACT,
      accessibilityStatus: v.ACCESSIBILITY_STATUS,
      accessibilityContact: v.ACCESSIBILITY_CONTACT,
    }),
    publicUrl: v.PUBLIC_URL ? v.PUBLIC_URL.replace(/\/+$/, '') : null,
    matchWeights: matchWeights(v.MATCH_WEIGHTS),
    corsOrigins: Object.freeze(v.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean)),
    frameAncestors: Object.freeze(v.FRAME_ANCESTORS.split(/[\s,]+/).filter(Boolean)),
    trustProxy: /^\d+$/.test(v.TRUST_PROXY) ? Number(v.TRUST_PROXY) : v.TRUST_PROXY === 'false' ? false : v.TRUST_PROXY,
    loginAddressLimit: v.LOGIN_ADDRESS_LIMIT,
    logLevel: v.LOG_LEVEL,
    metricsToken: v.METRICS_TOKEN ?? null,
  });
}

/**
 * What a service start needs beyond valid settings: in production, a way for mails to leave that
 * someone chose (a mail written to a file on a server nobody reads is a mail lost).
 */
export function assertServiceStartable(config: Config): void {
  if (config.production && config.mailTransport === null) {
    throw new ConfigError(
      'Démarrage refusé : SMTP_URL n’est pas défini en production, les courriels ne partiraient pas. ' +
        'Définissez SMTP_URL (ex. smtp://utilisateur:motdepasse@smtp.exemple.fr:587), ou MAIL_TRANSPORT=files pour les écrire sous DATA_DIR/mail/ en connaissance de cause.',
    );
  }
}

/**
 * What a production start accepts but a real service rarely wants, said loudly at start: the
 * defaults made for a developer's machine (links to localhost, mail from no-reply@localhost).
 */
export function productionWarnings(config: Config): string[] {
  if (!config.production) return [];
  const warnings: string[] = [];
  const host = config.publicUrl ? new URL(config.publicUrl).hostname : 'localhost';
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(host)) {
    warnings.push(
      `ATTENTION : ${config.publicUrl ? `PUBLIC_URL (${config.publicUrl}) mène à cette machine` : 'PUBLIC_URL n’est pas défini'} en production : les liens des courriels ` +
        'ne s’ouvriront chez personne. Donnez l’adresse à laquelle le public joint le service (ex. PUBLIC_URL=https://passerelle.metropole-rouen-normandie.fr).',
    );
  }
  if (config.mailTransport === 'smtp' && /@localhost>?$/.test(config.mailFrom)) {
    warnings.push(
      `ATTENTION : les courriels partent de « ${config.mailFrom} » (MAIL_FROM) : la plupart des serveurs de courriel les refusent ou les classent en indésirables. ` +
        'Donnez une adresse du domaine de la Métropole (ex. MAIL_FROM="Passerelle ESS <no-reply@metropole-rouen-normandie.fr>").',
    );
  }
  return warnings;
}
