// One structure's whole profile: shown by its page, and the starting state of its edit form.
// (A .tsx file because codegen reads the documents of web/src/**/*.tsx.)
import { graphql } from '../gql';

export const SupplierQuery = graphql(`
  query Supplier($id: ID!) {
    supplier(id: $id) {
      id
      name
      siret
      legalForm
      inclusionKind
      description
      services
      nafCodes
      commune {
        code
        name
      }
      interventionRadiusKm
      employees
      maxContractValue
      labels
      contactEmail
      website
      location {
        latitude
        longitude
      }
      pendingChanges {
        inclusionKind
        labels
        requestedAt
      }
    }
  }
`);
