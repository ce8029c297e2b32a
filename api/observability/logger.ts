// The operator's log: one JSON line per event on stdout (pino), readable through pino-pretty in a
// developer's terminal. Whatever is written passes through scrub(): no token, password, link token
// or address reaches the log, even inside an error message a library built (an SMTP refusal names
// its recipient).
import pino, { type DestinationStream, type Logger } from 'pino';
import { ANSWER_PATH, CONFIRM_PATH, INVITATION_OPT_OUT_PATH, OPT_OUT_PATH, OUTCOMES_PATH } from '../links';

export type { Logger } from 'pino';

export const MASK = '[masqué]';

/** The paths whose next segment is a link's token (every mailed link: api/links). */
const TOKEN_PATHS = [ANSWER_PATH, OUTCOMES_PATH, OPT_OUT_PATH, CONFIRM_PATH, INVITATION_OPT_OUT_PATH];
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TOKEN_SEGMENT = new RegExp(`(${TOKEN_PATHS.map(escape).join('|')})[^/?#\\s"']+`, 'g');
/** Query parameters that carry a secret or an address (the sign-in link's `jeton` on /acces, among others). */
const SECRET_PARAM = /([?&](?:jeton|token|password|mot_de_passe|motDePasse|email|courriel)=)[^&#\s"']*/gi;
const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g;
const BEARER = /(\bBearer\s+)[^\s"',]+/gi;
const EMAIL = /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Text with every secret and address replaced by MASK. */
export function scrub(text: string): string {
  const masked = text.replace(TOKEN_SEGMENT, `$1${MASK}`).replace(SECRET_PARAM, `$1${MASK}`).replace(BEARER, `$1${MASK}`).replace(JWT, MASK);
  // Without an @ there is no address, and EMAIL tried at every letter of a long run of URL
  // characters (a GET's query string) takes quadratic time: two thirds of a public GET's cost.
  return masked.includes('@') ? masked.replace(EMAIL, MASK) : masked;
}

/** Any value, its strings scrubbed (depth-bounded: log payloads are small). */
function scrubbed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Error) return scrubbed(pino.stdSerializers.err(value), depth);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubbed(v, depth + 1)]));
}

export interface LoggerOptions {
  /** LOG_LEVEL: fatal, error, warn, info, debug, trace or silent. */
  level: string;
  /** Human-readable lines (pino-pretty) instead of JSON. */
  pretty?: boolean;
  /** Where lines go: stdout unless given (1: stdout, 2: stderr, or a stream). */
  destination?: DestinationStream | 1 | 2;
}

export function createLogger(options: LoggerOptions): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level,
    messageKey: 'message',
    timestamp: pino.stdTimeFunctions.isoTime,
    base: { pid: process.pid },
    formatters: {
      level: (label) => ({ level: label }),
      // Every line, whatever logged it, leaves scrubbed.
      log: (object) => scrubbed(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
      },
    },
    // Headers are never logged whole (authorization, cookie); the request log keeps what it needs.
    redact: { paths: ['req.headers', 'res.headers', '*.password', '*.token', '*.authorization'], censor: MASK },
  };
  if (options.pretty) {
    return pino({ ...settings, transport: { target: 'pino-pretty', options: { messageKey: 'message', translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,method,path,status' } } });
  }
  return pino(settings, typeof options.destination === 'object' ? options.destination : pino.destination({ fd: options.destination ?? 1, sync: false }));
}

/** For tests and tools that want no log at all. */
export const silentLogger = (): Logger => pino({ level: 'silent' });

/** The message-first interface the domain's workers log through (OutboxLog, ErrorLog…), onto pino. */
export interface MessageLog {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export function messageLog(logger: Logger): MessageLog {
  return {
    info: (message) => logger.info(message),
    error: (message, err) => (err === undefined ? logger.error(message) : logger.error({ err }, message)),
  };
}
