// Runs after every test file (jest's setupFilesAfterEnv): whatever a failed test left running is
// stopped, so its failure is reported and jest exits instead of waiting on open sockets.
import { stopLeftoverServers } from './server';

afterAll(stopLeftoverServers);
