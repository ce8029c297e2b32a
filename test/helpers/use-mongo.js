// The `mongo` jest project (jest.config.js): its server-based tests run on MongoDB (project-engine.ts).
process.env.PASSERELLE_TEST_ENGINE = 'mongo';
