// Accounts of the structures: who acts for which structure, and the log of who changed it.
export { accountEvents, eraseFromAccountLog } from './events';
export { attachContact, detachUser, editSupplier, structureUsers } from './structure-users';
