// The public site's queries that may be sent as GET (cacheable by a CDN and the browser): the public
// pages and the embedded directory send exactly these documents, and /graphql answers a GET only for
// them (api/public-get.ts), anonymously, with the directory's version as ETag. Plain strings with no
// import: the web bundle compiles this file too.

/** The directory search: a page of structures and the facets of the whole result. */
export const PUBLIC_DIRECTORY = `
  query PublicDirectory($filter: SupplierFilter, $first: Int, $after: String, $offset: Int) {
    suppliers(filter: $filter, first: $first, after: $after, offset: $offset) {
      totalCount
      pageInfo { hasNextPage endCursor }
      reading { text servesCommune { code name } servesCommuneFromText servesCommuneTyped headOfficeCommune { code name } }
      facets {
        inclusionKinds { value label count }
        legalForms { value label count }
        communes { value label count }
      }
      edges {
        node { id slug name legalForm inclusionKind description services labels interventionRadiusKm website commune { name } completeness { percent } }
      }
    }
  }
`;

/** A structure's public page (/structures/<slug>). */
export const PUBLIC_STRUCTURE = `
  query PublicStructure($slug: String!) {
    supplierBySlug(slug: $slug) {
      id slug name legalForm inclusionKind description services labels interventionRadiusKm employees website
      commune { code name }
      completeness { percent }
    }
  }
`;

/** The Métropole's communes, for the directory's commune lists (the same list whatever a search found). */
export const PUBLIC_COMMUNES = `
  query PublicCommunes {
    metropoleCommunes { code name }
  }
`;

/** Operation name → document: what a GET on /graphql may run. */
export const PUBLIC_OPERATIONS: Readonly<Record<string, string>> = { PublicDirectory: PUBLIC_DIRECTORY, PublicStructure: PUBLIC_STRUCTURE, PublicCommunes: PUBLIC_COMMUNES };
