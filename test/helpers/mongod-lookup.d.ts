export declare const MONGOD_ENV: 'PASSERELLE_TEST_MONGOD';
export declare function findMongod(): string | null;
export declare function runMongod(): string | null;
