// Plain shapes the matcher works on. It knows nothing about HTTP or the store:
// callers turn their records into these.

/** Where a place lies when only its département is known: within `spreadKm` of a point. */
export interface Area {
  latitude: number;
  longitude: number;
  spreadKm: number;
}

export interface Profile {
  id: string;
  name: string;
  description: string;
  services: string[];
  nafCodes: string[]; // NAF rév. 2, e.g. "81.30Z"
  labels: string[]; // canonical spelling, e.g. "RGE", "ISO 9001"
  legalForm: string;
  inclusionKind: string | null;
  /** Base location: coordinates when known (given or commune centroid), else the département code. */
  latitude: number | null;
  longitude: number | null;
  departement: string | null;
  /** Without coordinates: the area the base lies in (a département's), to tell far from near. */
  area?: Area | null;
  interventionRadiusKm: number | null;
  employees: number | null;
  maxContractValue: number | null; // euros
}

export interface NeedQuery {
  title: string;
  description: string;
  kind: string;
  nafCodes: string[];
  latitude: number | null;
  longitude: number | null;
  departement: string | null;
  area?: Area | null;
  budgetMin: number | null;
  budgetMax: number | null;
  requiredLabels: string[];
  preferredInclusionKinds: string[];
  /** Hard constraint: only these kinds may answer (reserved contracts, OETH). Absent or empty: any. */
  requiredInclusionKinds?: string[];
}

export interface ScoreBreakdown {
  text: number;
  sector: number;
  capacity: number;
  location: number;
  labels: number;
}

export interface Match {
  profileId: string;
  score: number; // [0, 1]
  breakdown: ScoreBreakdown; // each in [0, 1]
  /** false when a hard constraint fails (missing required label or inclusion kind, base well outside its radius). */
  eligible: boolean;
  /** Topical relevance in [0, 1] (text and sector, see rank.ts): how much the structure does what the need asks. */
  relevance: number;
  reasons: string[]; // short French sentences
  /** The hard constraints failed (the first reasons), one sentence each: none when eligible. */
  failed: string[];
}

export interface MatchWeights {
  text: number;
  sector: number;
  capacity: number;
  location: number;
  labels: number;
}
