// The Métropole website's entry points: the embeddable directory, the structures' public pages, cacheable GET queries.
export * from './routes';
