// Runs after every test file (jest's setupFilesAfterEnv): whatever a failed test left running is
// stopped, so its failure is reported and jest exits instead of waiting on open sockets; then the
// file's mongod, in the `mongo` project (see project-engine.ts).
import { stopProjectMongod } from './project-engine';
import { stopLeftoverServers } from './server';

afterAll(async () => {
  await stopLeftoverServers();
  await stopProjectMongod();
});
