import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, loadConfig } from '../api/config';
import { ConfigError } from '../api/errors';

const ROOT = path.join(__dirname, '..');

describe('configuration', () => {
  it('is documented whole: every variable in .env.example and in the table of docs/operations.md', () => {
    const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const readme = fs.readFileSync(path.join(ROOT, 'docs', 'operations.md'), 'utf8');
    for (const name of CONFIG_VARIABLES) {
      expect({ name, inExample: new RegExp(`^#? ?${name}=`, 'm').test(example) }).toEqual({ name, inExample: true });
      expect({ name, inReadme: readme.includes(`| \`${name}\` |`) }).toEqual({ name, inReadme: true });
    }
  });

  it('.env.example works as its header says (sourced by a shell) and holds the defaults', () => {
    const run = spawnSync('bash', ['--norc', '--noprofile', '-c', 'set -a; . ./.env.example; set +a; env -0'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const env = Object.fromEntries(run.stdout.split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    const { jwtSecret: _s, ...fromExample } = loadConfig(env);
    const { jwtSecret: _d, ...defaults } = loadConfig({});
    expect(fromExample).toEqual(defaults);
  });

  it('has documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, env: 'development', production: false, mongodbUri: null, smtpUrl: null, sampleData: true, jwtTtlSeconds: 8 * 3600 });
    expect(c.mailFrom).toBe('Passerelle ESS <no-reply@localhost>');
    expect(loadConfig({ MAIL_FROM: 'contact@metropole-rouen-normandie.fr' }).mailFrom).toBe('contact@metropole-rouen-normandie.fr');
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ SAMPLE_DATA: 'yes' }, /SAMPLE_DATA/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ MONGODB_URI: 'http://db' }, /MONGODB_URI/],
    [{ SMTP_URL: 'mail.example' }, /SMTP_URL/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET.*32 octets/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET est obligatoire en production/],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) }, /32 octets/],
    [{ JWT_TTL: 'forever' }, /JWT_TTL/],
    [{ MAIL_GIVE_UP_AFTER: 'demain' }, /MAIL_GIVE_UP_AFTER/],
    [{ MAIL_FROM: 'pas une adresse' }, /MAIL_FROM doit être une adresse/],
    [{ MAIL_FROM: 'Passerelle <pas-une-adresse>' }, /MAIL_FROM doit être une adresse/],
    [{ MAIL_POLL_INTERVAL: '5ms' }, /MAIL_POLL_INTERVAL.*10 ms/],
    [{ FOLLOW_UP_AFTER: '3 semaines' }, /^Configuration invalide : FOLLOW_UP_AFTER doit être une durée comme 21d, 10m ou 2s/],
    [{ FOLLOW_UP_AFTER: '0s' }, /FOLLOW_UP_AFTER doit être une durée/],
    [{ FOLLOW_UP_AFTER: '500ms' }, /FOLLOW_UP_AFTER doit être une durée/],
  ])('refuses %j with a clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads FOLLOW_UP_AFTER: 21 days by default, 2s, 10m or 21d as given', () => {
    expect(loadConfig({}).followUpAfterMs).toBe(21 * 86_400_000);
    expect(loadConfig({ FOLLOW_UP_AFTER: '2s' }).followUpAfterMs).toBe(2000);
    expect(loadConfig({ FOLLOW_UP_AFTER: '10m' }).followUpAfterMs).toBe(600_000);
    expect(loadConfig({ FOLLOW_UP_AFTER: '21d' }).followUpAfterMs).toBe(21 * 86_400_000);
  });

  it('reads the outbox delays as durations', () => {
    expect(loadConfig({})).toMatchObject({ mailGiveUpAfterMs: 24 * 3600_000, mailPollIntervalMs: 1000, mailRecoverIntervalMs: 60_000 });
    expect(loadConfig({ MAIL_GIVE_UP_AFTER: '90m', MAIL_POLL_INTERVAL: '200ms', MAIL_RECOVER_INTERVAL: '30s' })).toMatchObject({ mailGiveUpAfterMs: 90 * 60_000, mailPollIntervalMs: 200, mailRecoverIntervalMs: 30_000 });
  });

  it('reads the matcher weights, each named component replacing its default', () => {
    expect(loadConfig({}).matchWeights).toEqual({ text: 0.4, sector: 0.15, capacity: 0.15, location: 0.2, labels: 0.1 });
    expect(loadConfig({ MATCH_WEIGHTS: ' text=0.6 , location=0 ' }).matchWeights).toEqual({ text: 0.6, sector: 0.15, capacity: 0.15, location: 0, labels: 0.1 });
  });

  it.each([
    ['colour=1', /MATCH_WEIGHTS.*composante=poids.*colour=1/],
    ['toString=1', /MATCH_WEIGHTS.*composante=poids/],
    ['text', /MATCH_WEIGHTS, le poids de text/],
    ['text=beaucoup', /MATCH_WEIGHTS, le poids de text/],
    ['text=-1', /MATCH_WEIGHTS, le poids de text/],
    ['text=0,sector=0,capacity=0,location=0,labels=0', /MATCH_WEIGHTS ne peut pas mettre tous les poids à 0/],
  ])('refuses MATCH_WEIGHTS=%s', (spec, message) => {
    expect(() => loadConfig({ MATCH_WEIGHTS: spec })).toThrow(message);
  });

  it('accepts production with a 32-byte secret', () => {
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), CORS_ORIGINS: 'https://www.metropole-rouen-normandie.fr, https://a.fr' });
    expect(c.production).toBe(true);
    expect(c.corsOrigins).toEqual(['https://www.metropole-rouen-normandie.fr', 'https://a.fr']);
  });

  it('the process stops with one clear line and a non-zero exit on a bad value', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', JWT_SECRET: 'trop-court' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['Configuration invalide : JWT_SECRET doit faire au moins 32 octets.']);
  });
});
