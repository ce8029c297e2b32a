// Responsible purchasing: what the ESS of the territory could take of a purchase.
export { inclusivePotential, type InclusionFamily, type InclusivePotential, type PotentialInput } from './potential';
export { createPotentialThrottle, POTENTIAL_ASKS_PER_MINUTE, type PotentialThrottle } from './throttle';
