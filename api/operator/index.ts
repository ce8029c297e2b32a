// The operator's commands beside a running server: accounts created from the command line, and the
// local channel (a Unix socket in DATA_DIR) through which the server runs them for a script.
export { createOperatorAccount, publicBuyerRefusal, type OperatorAccount } from './accounts';
export { createAccountThroughServer, openOperatorChannel, operatorSocketPath } from './channel';
