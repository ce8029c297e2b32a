// The schema's documentation reaches client tools: field notes are French description strings
// (read here by introspection over HTTP, as a client tool reads them), and no field note is left as
// a `#` comment, which introspection never shows.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLEnumType, GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType } from 'graphql';
import { loadTypeDefs } from '../graphql/schema';
import { startTestServer, type TestServer } from './helpers/server';

const SCHEMA_DIR = path.join(__dirname, '..', 'graphql', 'schema');
const ENGLISH = /\b(the|when|only|where|which|and|of|for|with|its|their|is|are|else)\b/i;

describe('schema documentation', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.destroy());

  it('every field of NeedInput, SupplierInput and SupplierFilter has a French description, seen through introspection', async () => {
    for (const type of ['NeedInput', 'SupplierInput', 'SupplierFilter']) {
      const res = await t.gql(`query($n: String!) { __type(name: $n) { description inputFields { name description } } }`, { n: type });
      expect(res.errors).toBeUndefined();
      const fields = res.data.__type.inputFields as { name: string; description: string | null }[];
      expect(fields.filter((f) => !f.description).map((f) => `${type}.${f.name}`)).toEqual([]);
      expect(fields.filter((f) => ENGLISH.test(f.description!)).map((f) => `${type}.${f.name}: ${f.description}`)).toEqual([]);
    }
    const need = (await t.gql('{ __type(name: "NeedInput") { inputFields { name description } } }')).data.__type.inputFields;
    const describe = (name: string) => need.find((f: any) => f.name === name).description as string;
    expect(describe('budgetMin')).toContain('euros');
    expect(describe('contactEmail')).toContain('obligatoire quand un agent enregistre le besoin');
    const update = (await t.gql('{ __type(name: "SupplierUpdateInput") { description } }')).data.__type.description as string;
    expect(update).toContain('remplace toute la liste');
  });

  it('no description of the served schema is in English', () => {
    const english: string[] = [];
    const check = (where: string, text: string | null | undefined) => {
      if (text && ENGLISH.test(text)) english.push(`${where}: ${text}`);
    };
    for (const type of Object.values(buildSchema(loadTypeDefs()).getTypeMap())) {
      if (type.name.startsWith('__') || ['ID', 'String', 'Boolean', 'Int', 'Float'].includes(type.name)) continue; // graphql-js' own
      check(type.name, type.description);
      if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType || type instanceof GraphQLInputObjectType) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.description);
          for (const arg of 'args' in field ? field.args : []) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (type instanceof GraphQLEnumType) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
    expect(english).toEqual([]);
  });

  it('no field note is left as a # comment in the schema files', () => {
    const notes = fs
      .readdirSync(SCHEMA_DIR)
      .flatMap((f) => fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8').split('\n').map((line, i) => ({ f, i, line })))
      .filter(({ line }) => /^\s+\S.*\s#\s/.test(line) || /^\s*scalar .*#/.test(line));
    expect(notes.map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`)).toEqual([]);
  });
});
