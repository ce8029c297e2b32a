// French for the errors graphql-js and Apollo Server raise in English (parsing, validation,
// variable coercion, HTTP misuse). Our own errors are French already and never come here.
// A message no rule knows is answered with its French lead alone, a value no rule knows with a
// French phrase naming its field: never English to a client. The rules follow graphql-js 16's
// wording (validation/rules, utilities/coerceInputValue, type/definition and type/scalars).
import { buildSchema, GraphQLEnumType } from 'graphql';
import { QUANTITY_FIELDS, rangeFr } from '../api/reference/amounts';
import { DATE_TIME_EXPECTED } from './resolvers/scalars';
import { loadTypeDefs } from './schema';

export interface FrenchMessage {
  message: string;
  /** The input field or GraphQL field the message is about, when it names one. */
  field?: string;
  /** "Did you mean …" turned into French; the caller drops it in production (it reveals the schema). */
  suggestion?: string;
}

type Rule = [RegExp, (m: RegExpExecArray, place: ErrorPlace) => string | { text: string; field: string }];

const LEAD: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'Requête GraphQL mal formée',
  GRAPHQL_VALIDATION_FAILED: 'Requête GraphQL invalide',
  BAD_USER_INPUT: 'Valeur invalide',
  BAD_REQUEST: 'Requête invalide',
  OPERATION_RESOLUTION_FAILURE: 'Opération introuvable',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Requête invalide',
  PERSISTED_QUERY_NOT_FOUND: 'Requête invalide',
};

/** What a scalar of ours expects, when a value is not one (in a variable or written in the query). */
const SCALAR_EXPECTED: Record<string, string> = { DateTime: DATE_TIME_EXPECTED };

let enumValues: Map<string, string[]> | null = null;

/** "; valeurs possibles : A, B, C": the enum's values, read once from the served schema. */
function possible(enumName: string): string {
  if (!enumValues) {
    const schema = buildSchema(loadTypeDefs());
    enumValues = new Map(Object.values(schema.getTypeMap()).filter((t): t is GraphQLEnumType => t instanceof GraphQLEnumType).map((t) => [t.name, t.getValues().map((v) => v.name)]));
  }
  const values = enumValues.get(enumName);
  return values?.length ? ` ; valeurs possibles : ${values.join(', ')}` : '';
}

/** A name the client chose (the key of an input object may be any string), shown within bounds. */
const shown = (name: string) => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

/** A variable's value graphql-js refused: the variable, then the value, where in it and why. */
const INVALID_VARIABLE = /^Variable "\$(\w+)" got invalid value (.*)$/s;

/** Why a value does not fit its type: in a variable, an input object or a literal. */
const VALUE_RULES: Rule[] = [
  [/^Int cannot represent non 32-bit signed integer value: (.*)$/s, () => 'doit être un entier entre -2147483648 et 2147483647'],
  [/^Int cannot represent non-integer value: (.*)$/s, () => 'doit être un nombre entier'],
  [/^Float cannot represent non numeric value: (.*)$/s, () => 'doit être un nombre'],
  [/^String cannot represent a non string value: (.*)$/s, () => 'doit être du texte'],
  [/^Boolean cannot represent a non boolean value: (.*)$/s, () => 'doit valoir true ou false'],
  [/^ID cannot represent (?:a non-string and non-integer )?value: (.*)$/s, () => 'doit être un identifiant'],
  [/^Value "(.*)" does not exist in "(\w+)" enum\./s, (m) => `valeur « ${shown(m[1]!)} » inconnue (${m[2]})${possible(m[2]!)}`],
  [/^Enum "(\w+)" cannot represent non-enum value: (.*?)\./s, (m) => `valeur inconnue (${m[1]})${possible(m[1]!)}`],
  [/^Enum "(\w+)" cannot represent non-string value: /, (m) => `doit être le nom d'une valeur ${m[1]}, en texte`],
  // coerceInputValue names the field alone, ValuesOfCorrectTypeRule with its type ("SupplierInput.name")
  [/^Field "(?:\w+\.)?(\w+)" of required type "(.+?)" was not provided\./, (m) => ({ text: `« ${m[1]} » est obligatoire`, field: m[1]! })],
  [/^Field "(.*)" is not defined by type "(\w+)"\./s, (m) => ({
    text: m[1] ? `« ${shown(m[1])} » n'existe pas dans ${m[2]}` : `un champ sans nom n'existe pas dans ${m[2]}`,
    field: m[1]!,
  })],
  [/^Field "(?:\w+\.)?(\w+)" must be non-null\./, (m) => ({ text: `« ${m[1]} » ne doit pas être null`, field: m[1]! })],
  [/^(?:Exactly one key must be specified for OneOf type|OneOf Input Object) "(\w+)"/, (m) => `exactement un champ de ${m[1]} doit être donné`],
  [/^Expected non-nullable type "(.+?)" not to be null\./, () => 'ne doit pas être null'],
  [/^Expected type "(\w+)" to be an object\./, (m) => `doit être un objet ${m[1]}`],
  // a scalar's own refusal (DateTime given true, [] or an object): what it expects, in French
  [/^Expected type "(\w+)"\./, (m) => SCALAR_EXPECTED[m[1]!] ?? `doit être de type ${m[1]}`],
  [/^Expected value of type "(.+?)", found (.+?)(?:; (.*))?$/s, (m) => (m[3] && valueReason(m[3])?.text) || SCALAR_EXPECTED[m[1]!.replace(/[[\]!]/g, '')] || `valeur de type ${m[1]} attendue`],
];

/** Where graphql-js says a directive may not go. */
const DIRECTIVE_PLACES: Record<string, string> = {
  QUERY: 'sur une opération query',
  MUTATION: 'sur une opération mutation',
  SUBSCRIPTION: 'sur une opération subscription',
  FIELD: 'sur un champ',
  FRAGMENT_DEFINITION: "sur la définition d'un fragment",
  FRAGMENT_SPREAD: "sur l'inclusion d'un fragment",
  INLINE_FRAGMENT: 'sur un fragment en ligne',
  VARIABLE_DEFINITION: "sur la déclaration d'une variable",
};

/** `"B", "C"` (the path of a fragment cycle) → `« B », « C »`. */
const quoted = (list: string) => [...list.matchAll(/"(\w+)"/g)].map((x) => `« ${x[1]} »`).join(', ');

const MESSAGE_RULES: Rule[] = [
  // variables
  [INVALID_VARIABLE, (m, { variableOf }) => variableValue(m[2]!, variableOf?.get(m[1]!) ?? m[1]!)],
  [/^Variable "\$(\w+)" of required type "(.+?)" was not provided\./, (m) => ({ text: `la variable « $${m[1]} » (${m[2]}) est obligatoire.`, field: m[1]! })],
  [/^Variable "\$(\w+)" of non-null type "(.+?)" must not be null\./, (m) => ({ text: `la variable « $${m[1]} » (${m[2]}) ne doit pas être null.`, field: m[1]! })],
  [/^Variable "\$(\w+)" is never used/, (m) => `la variable « $${m[1]} » n'est pas utilisée.`],
  [/^Variable "\$(\w+)" is not defined/, (m) => `la variable « $${m[1]} » n'est pas déclarée.`],
  [/^Variable "\$(\w+)" cannot be non-input type "(.+?)"\./, (m) => `la variable « $${m[1]} » ne peut pas être de type ${m[2]}.`],
  [/^Variable "\$(\w+)" of type "(.+?)" used in position expecting type "(.+?)"\./, (m) => ({
    text: `la variable « $${m[1]} » est de type ${m[2]}, là où ${m[3]} est attendu.`,
    field: m[1]!,
  })],
  [/^Variable "\$(\w+)" is of type "(.+?)" but must be non-nullable/, (m) => ({ text: `la variable « $${m[1]} » doit être de type ${m[2]}! ici.`, field: m[1]! })],
  [/^There can be only one variable named "\$(\w+)"\./, (m) => ({ text: `la variable « $${m[1]} » est déclarée plusieurs fois.`, field: m[1]! })],
  [/^Too many errors processing variables/, () => "trop d'erreurs dans les variables : corrigez les premières."],
  // fields, arguments, types, fragments, directives
  [/^Cannot query field "(\w+)" on type "(\w+)"\./, (m) => `le champ « ${m[1]} » n'existe pas sur le type ${m[2]}.`],
  [/^Field "(\w+)" of type "(.+?)" must have a selection of subfields\./, (m) => ({ text: `le champ « ${m[1]} » (${m[2]}) demande une sélection de sous-champs.`, field: m[1]! })],
  [/^Field "(\w+)" of type "(.+?)" must have at least one field selected\./, (m) => ({ text: `le champ « ${m[1]} » (${m[2]}) demande au moins un sous-champ.`, field: m[1]! })],
  [/^Field "(\w+)" must not have a selection since type "(.+?)" has no subfields\./, (m) => ({ text: `le champ « ${m[1]} » (${m[2]}) n'a pas de sous-champs.`, field: m[1]! })],
  [/^Unknown argument "(\w+)" on field "(.+?)"\./, (m) => `l'argument « ${m[1]} » n'existe pas sur le champ ${m[2]}.`],
  [/^Unknown argument "(\w+)" on directive "@(\w+)"\./, (m) => `l'argument « ${m[1]} » n'existe pas pour la directive « @${m[2]} ».`],
  [/^Field "(\w+)" argument "(\w+)" of type "(.+?)" is required, but it was not provided\./, (m) => ({ text: `l'argument « ${m[2]} » (${m[3]}) du champ « ${m[1]} » est obligatoire.`, field: m[1]! })],
  [/^Directive "@(\w+)" argument "(\w+)" of type "(.+?)" is required, but it was not provided\./, (m) => `l'argument « ${m[2]} » (${m[3]}) de la directive « @${m[1]} » est obligatoire.`],
  [/^There can be only one argument named "(\w+)"\./, (m) => `l'argument « ${m[1]} » est donné plusieurs fois.`],
  [/^There can be only one input field named "(\w+)"\./, (m) => ({ text: `le champ « ${m[1]} » est donné plusieurs fois.`, field: m[1]! })],
  [/^Unknown type "(\w+)"\./, (m) => `type « ${m[1]} » inconnu.`],
  [/^Unknown fragment "(\w+)"\./, (m) => `fragment « ${m[1]} » inconnu.`],
  [/^Fragment "(\w+)" is never used\./, (m) => `le fragment « ${m[1]} » n'est pas utilisé.`],
  [/^There can be only one fragment named "(\w+)"\./, (m) => `plusieurs fragments s'appellent « ${m[1]} ».`],
  [/^Cannot spread fragment "(\w+)" within itself(?: via (.*))?/s, (m) => `le fragment « ${m[1]} » s'inclut lui-même${m[2] ? ` (par ${quoted(m[2])})` : ''}.`],
  [/^Fragment "(\w+)" cannot be spread here as objects of type "(\w+)" can never be of type "(\w+)"\./, (m) =>
    `le fragment « ${m[1]} » ne s'applique pas ici : un objet ${m[2]} n'est jamais un ${m[3]}.`],
  [/^Fragment cannot be spread here as objects of type "(\w+)" can never be of type "(\w+)"\./, (m) =>
    `« ... on ${m[2]} » ne s'applique pas ici : un objet ${m[1]} n'est jamais un ${m[2]}.`],
  [/^Fragment (?:"\w+" )?cannot condition on non composite type "(.+?)"\./, (m) => `un fragment ne peut pas porter sur ${m[1]}, seulement sur un type objet.`],
  [/^Fields "(\w+)" conflict/, (m) => `le champ « ${m[1]} » est demandé deux fois de façons incompatibles.`],
  [/^Unknown directive "@?(\w+)"/, (m) => `directive « @${m[1]} » inconnue.`],
  [/^The directive "@?(\w+)" can only be used once/, (m) => `la directive « @${m[1]} » n'est permise qu'une fois.`],
  [/^Directive "@(\w+)" may not be used on (\w+)\./, (m) => `la directive « @${m[1]} » ne peut pas être placée ${DIRECTIVE_PLACES[m[2]!] ?? 'ici'}.`],
  [/^The ("\w+"|schema) definition is not executable\./, (m) =>
    `une requête ne contient que des opérations et des fragments, pas de définition de ${m[1] === 'schema' ? 'schéma' : `type (« ${m[1]!.slice(1, -1)} »)`}.`],
  [/^GraphQL introspection is not allowed/, () => "l'introspection du schéma est désactivée."],
  [/^Maximum introspection depth exceeded/, () => "requête d'introspection trop profonde."],
  // graphql-js 16 says "This anonymous operation…", 15 said "Anonymous operation…"
  [/^(?:This a|A)nonymous operation must be the only defined operation\./, () => 'une opération sans nom doit être la seule de la requête.'],
  [/^There can be only one operation named "(\w+)"\./, (m) => `plusieurs opérations s'appellent « ${m[1]} ».`],
  [/^(?:Anonymous Subscription|Subscription "\w+") must/, () => 'les abonnements (subscription) ne sont pas pris en charge.'],
  [/^Too many validation errors/, () => "trop d'erreurs : corrigez les premières."],
  // operation choice
  [/^Unknown operation named "(.*)"\./s, (m) => `aucune opération « ${shown(m[1]!)} » dans la requête.`],
  [/^Must provide operation name if query contains multiple operations\./, () => 'la requête contient plusieurs opérations : précisez operationName.'],
  // HTTP misuse (Apollo)
  [/Cross-Site Request Forgery/, () => "refusée par la protection CSRF : envoyez-la en JSON (content-type: application/json) ou avec l'en-tête apollo-require-preflight."],
  [/^Operation batching disabled\./, () => 'une seule opération par requête (pas de tableau).'],
  [/^No operations found in request\./, () => 'aucune opération dans la requête.'],
  [/^Apollo Server supports only GET\/POST requests\./, () => 'seules les méthodes GET et POST sont acceptées.'],
  [/^GET requests only support query operations, not (\w+) operations/, (m) => `une opération ${m[1]} doit être envoyée en POST.`],
  [/^GET requests may not have a content-type header other than application\/json\./, () => "une requête GET n'admet que l'en-tête content-type: application/json."],
  [/^An 'accept' header was provided for this request which does not accept/, () => "l'en-tête accept doit admettre application/json ou application/graphql-response+json."],
  [/incremental delivery/, () => '@defer et @stream ne sont pas pris en charge.'],
  [/^GraphQL operations must contain a non-empty `query`/, () => 'le champ « query » doit contenir une opération GraphQL.'],
  [/^GraphQL queries must be strings\./, () => ({ text: '« query » doit être une chaîne de caractères.', field: 'query' })],
  [/^`(\w+)` in a (?:POST body|GET query string) must be (an object|a string|a JSON-encoded object)/, (m) => ({
    text: `« ${m[1]} » doit être ${m[2] === 'a string' ? 'une chaîne de caractères' : 'un objet JSON'}.`,
    field: m[1]!,
  })],
  [/^`(\w+)` in a POST body should be provided as an object, not a recursively JSON-encoded string\./, (m) => ({
    text: `« ${m[1]} » doit être un objet JSON, pas une chaîne.`,
    field: m[1]!,
  })],
  [/^The '?(\w+)'? search parameter (should contain a JSON-encoded object|contains invalid JSON|may only be specified once)\./, (m) => ({
    text: m[2]!.startsWith('may') ? `le paramètre « ${m[1]} » ne doit figurer qu'une fois dans l'adresse.` : `le paramètre « ${m[1]} » doit contenir un objet JSON.`,
    field: m[1]!,
  })],
  [/^POST body missing, invalid Content-Type/, () => 'corps de requête manquant ou non JSON (content-type: application/json).'],
  [/^PersistedQuery/, () => 'les requêtes persistées ne sont pas prises en charge : envoyez le texte de la requête.'],
];

function apply(rules: Rule[], text: string, place: ErrorPlace = {}): { text: string; field?: string } | null {
  for (const [pattern, render] of rules) {
    const m = pattern.exec(text);
    if (!m) continue;
    const out = render(m, place);
    return typeof out === 'string' ? { text: out } : out;
  }
  return null;
}

const valueReason = (reason: string) => apply(VALUE_RULES, reason.replace(/ ?Did you mean .*$/s, ''));

/** A budget of 10¹² is no "32-bit integer" to the person who typed it: a quantity's field says its own range. */
function reasonFor(reason: string, field: string): { text: string; field?: string } | null {
  const quantity = QUANTITY_FIELDS[field];
  if (quantity && /^Int cannot represent non/.test(reason)) return { text: rangeFr(quantity) };
  return valueReason(reason);
}

/** ` at "f.legalForms[0]"` at the end of a variable's message: the last field name of that path. */
const PATH_END = / at "\w+(?:(?:\.\w+|\[\d+\])*\.(\w+))?(?:\[\d+\])*"$/;

/**
 * `Variable "$f" got invalid value <value> at "f.legalForms[0]"; <reason>`, named by the argument or
 * input field the variable is given to (its owner) when the path goes no deeper. The value is the
 * client's and may itself hold "; ": the reason is the first tail a rule knows. A reason no rule
 * knows is never pasted (English, maybe with a "Did you mean" that reveals the schema).
 */
function variableValue(rest: string, owner: string): { text: string; field: string } {
  let last = owner;
  for (let cut = rest.indexOf('; '); cut >= 0; cut = rest.indexOf('; ', cut + 1)) {
    const at = PATH_END.exec(rest.slice(0, cut));
    const name = at ? (at[1] ?? owner) : owner;
    if (at) last = name;
    const own = reasonFor(rest.slice(cut + 2), name);
    if (!own) continue;
    // an unknown key is named by its rule; a nameless one is about the object that holds it
    if (own.field !== undefined) return { text: own.text, field: own.field || name };
    return { text: `« ${name} » ${own.text}`, field: name };
  }
  return { text: `« ${last} » n'a pas une valeur du type attendu`, field: last };
}

/** "Did you mean "a", "b", or "c"?" → `« a », « b » ou « c »`. */
function suggestionOf(message: string): string | undefined {
  const m = / ?Did you mean (?:the enum value )?(.+?)\?$/s.exec(message);
  if (!m) return undefined;
  const names = [...m[1]!.matchAll(/"([^"]+)"/g)].map((x) => `« ${x[1]} »`);
  if (names.length === 0) return undefined;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} ou ${names.at(-1)}`;
  return `Vouliez-vous dire ${list} ?`;
}

export interface ErrorPlace {
  location?: { line: number; column: number };
  /** The argument or input field a value written in the query text belongs to (graphql-js names only the value). */
  literalOf?: string;
  /** The argument or input field each variable is given to (graphql-js names the variable). */
  variableOf?: ReadonlyMap<string, string>;
}

/** The French message for an error graphql-js or Apollo raised with this code. */
export function frenchMessage(code: string, english: string, { location, literalOf, variableOf }: ErrorPlace = {}): FrenchMessage {
  const lead = LEAD[code] ?? 'Requête invalide';
  if (code === 'GRAPHQL_PARSE_FAILED') {
    return { message: location ? `${lead} : erreur de syntaxe ligne ${location.line}, colonne ${location.column}.` : `${lead} : erreur de syntaxe.` };
  }
  const text = english.trim();
  let known = apply(MESSAGE_RULES, text, { variableOf }) ?? (literalOf ? reasonFor(text, literalOf) : valueReason(text));
  // as for a variable's value: a reason that names no field is about the one the literal was written for
  if (literalOf && !known?.field) {
    known = { text: known ? `« ${shown(literalOf)} » ${known.text}` : `« ${shown(literalOf)} » n'a pas une valeur du type attendu`, field: literalOf };
  }
  const message = known ? `${lead} : ${known.text.replace(/[^.?!]$/, '$&.')}` : `${lead}.`;
  const suggestion = suggestionOf(text);
  return { message, ...(known?.field ? { field: known.field } : {}), ...(suggestion ? { suggestion } : {}) };
}
