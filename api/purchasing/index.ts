// Responsible purchasing: what the ESS of the territory could take of a purchase.
export { inclusivePotential, familyOf, FAMILIES, MAX_POTENTIAL_TEXT, type InclusionFamily, type InclusivePotential, type PotentialInput } from './potential';
export { RESERVATION_THRESHOLD } from './recommendation';
export { createPotentialThrottle, POTENTIAL_ASKS_PER_MINUTE, type PotentialThrottle } from './throttle';
