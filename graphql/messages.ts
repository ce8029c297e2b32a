// French for the errors graphql-js and Apollo Server raise in English (parsing, validation,
// variable coercion, HTTP misuse). Our own errors are French already and never come here.
// A message no rule knows is answered with its French lead alone: never English to a client.

export interface FrenchMessage {
  message: string;
  /** The input field or GraphQL field the message is about, when it names one. */
  field?: string;
  /** "Did you mean …" turned into French; the caller drops it in production (it reveals the schema). */
  suggestion?: string;
}

type Rule = [RegExp, (m: RegExpExecArray) => string | { text: string; field: string }];

const LEAD: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'Requête GraphQL mal formée',
  GRAPHQL_VALIDATION_FAILED: 'Requête GraphQL invalide',
  BAD_USER_INPUT: 'Valeur invalide',
  BAD_REQUEST: 'Requête invalide',
  OPERATION_RESOLUTION_FAILURE: 'Opération introuvable',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Requête invalide',
  PERSISTED_QUERY_NOT_FOUND: 'Requête invalide',
};

/** Why a value does not fit its type: in a variable, an input object or a literal. */
const VALUE_RULES: Rule[] = [
  [/^Int cannot represent non 32-bit signed integer value: (.*)$/s, () => 'doit être un entier entre -2147483648 et 2147483647'],
  [/^Int cannot represent non-integer value: (.*)$/s, () => 'doit être un nombre entier'],
  [/^Float cannot represent non numeric value: (.*)$/s, () => 'doit être un nombre'],
  [/^String cannot represent a non string value: (.*)$/s, () => 'doit être du texte'],
  [/^Boolean cannot represent a non boolean value: (.*)$/s, () => 'doit valoir true ou false'],
  [/^ID cannot represent value: (.*)$/s, () => 'doit être un identifiant'],
  [/^Value "(.*)" does not exist in "(\w+)" enum\./s, (m) => `valeur « ${m[1]} » inconnue (${m[2]})`],
  [/^Enum "(\w+)" cannot represent non-enum value: (.*?)\./s, (m) => `valeur inconnue (${m[1]})`],
  [/^Field "(\w+)" of required type "(.+?)" was not provided\./, (m) => ({ text: `« ${m[1]} » est obligatoire`, field: m[1]! })],
  [/^Field "(\w+)" is not defined by type "(\w+)"\./, (m) => ({ text: `« ${m[1]} » n'existe pas dans ${m[2]}`, field: m[1]! })],
  [/^Expected non-nullable type "(.+?)" not to be null\./, () => 'ne doit pas être null'],
  [/^Expected type "(\w+)" to be an object\./, (m) => `doit être un objet ${m[1]}`],
  [/^Expected value of type "(.+?)", found (.+?)(?:; (.*))?$/s, (m) => (m[3] && valueReason(m[3])?.text) || `valeur de type ${m[1]} attendue`],
];

const MESSAGE_RULES: Rule[] = [
  // variables
  [/^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s, (m) => variableValue(m[1]!, m[2], m[3]!)],
  [/^Variable "\$(\w+)" of required type "(.+?)" was not provided\./, (m) => ({ text: `la variable « $${m[1]} » (${m[2]}) est obligatoire.`, field: m[1]! })],
  [/^Variable "\$(\w+)" of non-null type "(.+?)" must not be null\./, (m) => ({ text: `la variable « $${m[1]} » (${m[2]}) ne doit pas être null.`, field: m[1]! })],
  [/^Variable "\$(\w+)" is never used/, (m) => `la variable « $${m[1]} » n'est pas utilisée.`],
  [/^Variable "\$(\w+)" is not defined/, (m) => `la variable « $${m[1]} » n'est pas déclarée.`],
  [/^Variable "\$(\w+)" cannot be non-input type "(.+?)"\./, (m) => `la variable « $${m[1]} » ne peut pas être de type ${m[2]}.`],
  // fields, arguments, types, fragments
  [/^Cannot query field "(\w+)" on type "(\w+)"\./, (m) => `le champ « ${m[1]} » n'existe pas sur le type ${m[2]}.`],
  [/^Field "(\w+)" of type "(.+?)" must have a selection of subfields\./, (m) => ({ text: `le champ « ${m[1]} » (${m[2]}) demande une sélection de sous-champs.`, field: m[1]! })],
  [/^Field "(\w+)" must not have a selection since type "(.+?)" has no subfields\./, (m) => ({ text: `le champ « ${m[1]} » (${m[2]}) n'a pas de sous-champs.`, field: m[1]! })],
  [/^Unknown argument "(\w+)" on field "(.+?)"\./, (m) => `l'argument « ${m[1]} » n'existe pas sur le champ ${m[2]}.`],
  [/^Field "(\w+)" argument "(\w+)" of type "(.+?)" is required, but it was not provided\./, (m) => ({ text: `l'argument « ${m[2]} » (${m[3]}) du champ « ${m[1]} » est obligatoire.`, field: m[1]! })],
  [/^There can be only one argument named "(\w+)"\./, (m) => `l'argument « ${m[1]} » est donné plusieurs fois.`],
  [/^Unknown type "(\w+)"\./, (m) => `type « ${m[1]} » inconnu.`],
  [/^Unknown fragment "(\w+)"\./, (m) => `fragment « ${m[1]} » inconnu.`],
  [/^Fragment "(\w+)" is never used\./, (m) => `le fragment « ${m[1]} » n'est pas utilisé.`],
  [/^Cannot spread fragment "(\w+)"/, (m) => `le fragment « ${m[1]} » ne s'applique pas ici.`],
  [/^Fields "(\w+)" conflict/, (m) => `le champ « ${m[1]} » est demandé deux fois de façons incompatibles.`],
  [/^Unknown directive "@?(\w+)"/, (m) => `directive « @${m[1]} » inconnue.`],
  [/^The directive "@?(\w+)" can only be used once/, (m) => `la directive « @${m[1]} » n'est permise qu'une fois.`],
  [/^GraphQL introspection is not allowed/, () => "l'introspection du schéma est désactivée."],
  [/^Anonymous operation must be the only defined operation\./, () => 'une opération sans nom doit être la seule de la requête.'],
  [/^There can be only one operation named "(\w+)"\./, (m) => `plusieurs opérations s'appellent « ${m[1]} ».`],
  // operation choice
  [/^Unknown operation named "(.*)"\./s, (m) => `aucune opération « ${m[1]} » dans la requête.`],
  [/^Must provide operation name if query contains multiple operations\./, () => 'la requête contient plusieurs opérations : précisez operationName.'],
  // HTTP misuse (Apollo)
  [/Cross-Site Request Forgery/, () => "refusée par la protection CSRF : envoyez-la en JSON (content-type: application/json) ou avec l'en-tête apollo-require-preflight."],
  [/^Operation batching disabled\./, () => 'une seule opération par requête (pas de tableau).'],
  [/^Apollo Server supports only GET\/POST requests\./, () => 'seules les méthodes GET et POST sont acceptées.'],
  [/^GET requests only support query operations, not (\w+) operations/, (m) => `une opération ${m[1]} doit être envoyée en POST.`],
  [/^GraphQL operations must contain a non-empty `query`/, () => 'le champ « query » doit contenir une opération GraphQL.'],
  [/^GraphQL queries must be strings\./, () => ({ text: '« query » doit être une chaîne de caractères.', field: 'query' })],
  [/^`(\w+)` in a (?:POST body|GET query string) must be (an object|a string|a JSON-encoded object)/, (m) => ({
    text: `« ${m[1]} » doit être ${m[2] === 'a string' ? 'une chaîne de caractères' : 'un objet JSON'}.`,
    field: m[1]!,
  })],
  [/^POST body missing, invalid Content-Type/, () => 'corps de requête manquant ou non JSON (content-type: application/json).'],
  [/^PersistedQuery/, () => 'les requêtes persistées ne sont pas prises en charge : envoyez le texte de la requête.'],
];

function apply(rules: Rule[], text: string): { text: string; field?: string } | null {
  for (const [pattern, render] of rules) {
    const m = pattern.exec(text);
    if (!m) continue;
    const out = render(m);
    return typeof out === 'string' ? { text: out } : out;
  }
  return null;
}

const valueReason = (reason: string) => apply(VALUE_RULES, reason.replace(/ ?Did you mean .*$/s, ''));

/** `Variable "$f" got invalid value … at "f.legalForms[0]"; reason`: the field is the last name of the path. */
function variableValue(variable: string, at: string | undefined, reason: string): { text: string; field: string } {
  const name = at ? at.split('.').at(-1)!.replace(/\[\d+\]$/, '') : variable;
  const own = valueReason(reason);
  if (own?.field) return { text: own.text, field: own.field };
  // No rule: a reason our own scalars gave, in French already.
  return { text: own ? `« ${name} » ${own.text}` : `« ${name} » : ${reason.replace(/\.$/, '')}`, field: name };
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

/** The French message for an error graphql-js or Apollo raised with this code. */
export function frenchMessage(code: string, english: string, location?: { line: number; column: number }): FrenchMessage {
  const lead = LEAD[code] ?? 'Requête invalide';
  if (code === 'GRAPHQL_PARSE_FAILED') {
    return { message: location ? `${lead} : erreur de syntaxe ligne ${location.line}, colonne ${location.column}.` : `${lead} : erreur de syntaxe.` };
  }
  const text = english.trim();
  const known = apply(MESSAGE_RULES, text) ?? valueReason(text);
  const message = known ? `${lead} : ${known.text.replace(/[^.?!]$/, '$&.')}` : `${lead}.`;
  const suggestion = suggestionOf(text);
  return { message, ...(known?.field ? { field: known.field } : {}), ...(suggestion ? { suggestion } : {}) };
}
