export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date et heure ISO 8601 (par ex. « 2026-03-31 » ou « 2026-03-31T14:00:00+02:00 ») ; sans décalage, heure de Paris. */
  DateTime: { input: Date | string; output: Date | string; }
};

export type AccountAction =
  /** La personne a commencé à agir pour la structure (première connexion de son contact par lien). */
  | 'ATTACHED'
  /** Un agent lui a retiré l'accès. */
  | 'DETACHED';

/** Qui a commencé ou cessé d'agir pour une structure, et qui l'a fait. */
export type AccountEvent = {
  __typename?: 'AccountEvent';
  action: AccountAction;
  at: Scalars['DateTime']['output'];
  /** L'adresse de l'agent qui l'a fait ; null quand le contact s'est rattaché lui-même avec son lien de connexion. */
  by?: Maybe<Scalars['String']['output']>;
  /** L'adresse de la personne rattachée ou détachée. */
  userEmail: Scalars['String']['output'];
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  token: Scalars['String']['output'];
  user: User;
};

export type Commune = {
  __typename?: 'Commune';
  /** Code INSEE de la commune, par ex. « 76540 ». */
  code: Scalars['String']['output'];
  /** Département code, e.g. "76". */
  departement?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
};

export type CommuneCount = {
  __typename?: 'CommuneCount';
  commune: Commune;
  count: Scalars['Int']['output'];
};

/**
 * Ce que dit la fiche d'une structure parmi ce que cherchent les entreprises : description, prestations
 * (services), métier (nafCodes), plus gros marché (maxContractValue), rayon d'intervention
 * (interventionRadiusKm), adresse de contact (contactEmail), labels. Chacun de ces sept champs pèse autant.
 */
export type Completeness = {
  __typename?: 'Completeness';
  /** Les champs manquants, sous leur nom de SupplierInput (par ex. « description », « maxContractValue »). */
  missing: Array<Scalars['String']['output']>;
  /** Les mêmes, en français, à afficher à la structure (par ex. « vos prestations »). */
  missingLabels: Array<Scalars['String']['output']>;
  /** De 0 à 100, arrondi : la part des sept champs renseignés (les labels déclarés par la structure comptent avant leur confirmation). */
  percent: Scalars['Int']['output'];
};

/** Décomptes sur toutes les structures qui répondent au filtre, pour les panneaux de filtres du site. */
export type DirectoryFacets = {
  __typename?: 'DirectoryFacets';
  communes: Array<FacetCount>;
  inclusionKinds: Array<FacetCount>;
  labels: Array<FacetCount>;
  legalForms: Array<FacetCount>;
};

/** Une valeur d'un filtre, et combien de structures de tout le résultat (toutes pages) l'ont. */
export type FacetCount = {
  __typename?: 'FacetCount';
  count: Scalars['Int']['output'];
  /** Libellé en français, à afficher. */
  label: Scalars['String']['output'];
  /** La valeur telle que le filtre la prend : valeur d'énumération, code de commune ou label. */
  value: Scalars['String']['output'];
};

/** Ce qu'une famille de structures peut prendre d'un achat. */
export type FamilyPotential = {
  __typename?: 'FamilyPotential';
  /** Structures éligibles de ce métier, pouvant intervenir à la commune, qui peuvent porter seules le budget (ou qui n'ont pas déclaré de montant maximum). */
  count: Scalars['Int']['output'];
  family: InclusionFamily;
  /** Structures éligibles de ce métier, pouvant intervenir à la commune, trop petites seules mais qui atteignent le budget en groupement avec au plus trois autres structures de leur famille, elles aussi trop petites seules. */
  groupementOnly: Scalars['Int']['output'];
};

export type GeoPoint = {
  __typename?: 'GeoPoint';
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

/** Plusieurs structures qui, ensemble, répondent à un besoin qu'aucune ne couvre seule (co-traitance, groupement). */
export type Groupement = {
  __typename?: 'Groupement';
  members: Array<SupplierMatch>;
  /** En français : ce qu'apporte chaque membre et pourquoi ils vont ensemble. */
  reasons: Array<Scalars['String']['output']>;
  score: Scalars['Float']['output'];
};

/**
 * Les chiffres de [from, to). Les besoins comptent à leur date de dépôt (les besoins retirés n'y sont pas) ;
 * les listes, mises en relation et leurs suites à la date d'approbation de la liste (une cohorte : les suites
 * indiquées plus tard comptent encore pour elle).
 */
export type ImpactStats = {
  __typename?: 'ImpactStats';
  /** Euros remportés par les structures de l'ESS (marchés WON) ; un Float, car le total d'une année peut dépasser un Int GraphQL. */
  amountWon: Scalars['Float']['output'];
  /** Marchés remportés par mois (heure de Paris) de leur enregistrement, du premier mois de la période à celui du dernier marché, mois sans marché compris. */
  amountWonByMonth: Array<MonthAmount>;
  /** Marchés remportés / mises en relation, dans [0, 1]. */
  conversionRate: Scalars['Float']['output'];
  /** Les mêmes chiffres que `npm run report` et GET /report.csv : CSV aux colonnes indicateur, cle, libelle, valeur. */
  csv: Scalars['String']['output'];
  from: Scalars['DateTime']['output'];
  /** Heures de travail en insertion des marchés remportés par les mises en relation de la période (besoins de type INSERTION_CLAUSE). */
  insertionHours: Scalars['Int']['output'];
  /** Mises en relation dont la structure a répondu INTERESTED (sa dernière réponse, depuis son courriel ou par un agent). */
  interestedAnswers: Scalars['Int']['output'];
  /** interestedAnswers / introductions, dans [0, 1] : la part des structures présentées qui se sont dites intéressées. */
  interestedRate: Scalars['Float']['output'];
  /** Paires (liste, structure) : une structure présentée deux fois compte deux fois. */
  introductions: Scalars['Int']['output'];
  /** Communes de la Métropole, celle qui a le plus de mises en relation d'abord. */
  introductionsByCommune: Array<CommuneCount>;
  introductionsByInclusionKind: Array<InclusionKindCount>;
  introductionsOutsideMetropole: Scalars['Int']['output'];
  needsByKind: Array<NeedKindCount>;
  needsPosted: Scalars['Int']['output'];
  outcomes: Array<OutcomeCount>;
  /** Fiches revendiquées : structures dont le contact s'est connecté pour la première fois dans la période. */
  profilesClaimed: Scalars['Int']['output'];
  /** Fiches complétées : structures invitées dont la fiche est devenue complète (100 %) dans la période. */
  profilesCompleted: Scalars['Int']['output'];
  publicContracts: PublicContractStats;
  shortlistsApproved: Scalars['Int']['output'];
  /** Listes approuvées dont tous les courriels ont été remis. */
  shortlistsSent: Scalars['Int']['output'];
  /** Structures présentées (chacune une fois), par commune de la Métropole, la plus nombreuse d'abord. */
  structuresByCommune: Array<CommuneCount>;
  /** Structures présentées par type d'inclusion : une structure présentée deux fois compte une fois. */
  structuresByInclusionKind: Array<InclusionKindCount>;
  /** Structures présentées, chacune comptée une fois. */
  structuresIntroduced: Scalars['Int']['output'];
  structuresOutsideMetropole: Scalars['Int']['output'];
  /** Exclue. */
  to: Scalars['DateTime']['output'];
};

/** Format du fichier : notre modèle CSV, la paire de fichiers SIRENE, ou les structures de data·inclusion (v1). */
export type ImportFormat =
  | 'CSV'
  | 'INCLUSION'
  | 'SIRENE';

/** Un import lancé depuis la console (gardé en mémoire par le service, les 20 derniers). */
export type ImportJob = {
  __typename?: 'ImportJob';
  bytesRead: Scalars['Float']['output'];
  bytesTotal: Scalars['Float']['output'];
  created: Scalars['Int']['output'];
  /** Simulation : rien n'est écrit. */
  dryRun: Scalars['Boolean']['output'];
  /** Pourquoi l'import s'est arrêté (fichier illisible), en français. */
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  format: ImportFormat;
  id: Scalars['ID']['output'];
  ignored: Scalars['Int']['output'];
  /** Pourquoi des lignes ont été laissées de côté (hors ESS, hors du territoire, fermées…), avec leur nombre. */
  ignoredReasons: Array<ImportReasonCount>;
  lines: Scalars['Int']['output'];
  /** Les lignes refusées, dans l'ordre des fichiers (les `first` premières, 100 par défaut). */
  refusals: Array<ImportRefusal>;
  refused: Scalars['Int']['output'];
  /** Toutes les lignes refusées en CSV (colonnes fichier, ligne, siret, nom, motif), comme `--report`. */
  reportCsv: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  state: ImportState;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
  uploadId: Scalars['ID']['output'];
};


/** Un import lancé depuis la console (gardé en mémoire par le service, les 20 derniers). */
export type ImportJobRefusalsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ImportReasonCount = {
  __typename?: 'ImportReasonCount';
  count: Scalars['Int']['output'];
  reason: Scalars['String']['output'];
};

export type ImportRefusal = {
  __typename?: 'ImportRefusal';
  file: Scalars['String']['output'];
  line: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  siret: Scalars['String']['output'];
};

export type ImportState =
  | 'CANCELLED'
  | 'DONE'
  | 'FAILED'
  | 'RUNNING';

/** Fichiers envoyés par morceaux, en attente d'un import (effacés après l'import réel, ou au bout d'un jour). */
export type ImportUpload = {
  __typename?: 'ImportUpload';
  files: Array<ImportUploadFile>;
  id: Scalars['ID']['output'];
};

export type ImportUploadFile = {
  __typename?: 'ImportUploadFile';
  bytes: Scalars['Float']['output'];
  name: Scalars['String']['output'];
};

/** Familles de structures auxquelles un acheteur peut réserver un achat. */
export type InclusionFamily =
  /** Autres structures de l'ESS de l'annuaire (sans type d'inclusion). */
  | 'OTHER_ESS'
  /** Secteur protégé et adapté : ESAT, EA, EATT (marchés réservés de l'art. L2113-12). */
  | 'PROTECTED'
  /** Insertion par l'activité économique : ACI, AI, EI, ETTI, EITI, et les GEIQ (comptés ici, mais hors des marchés réservés de l'art. L2113-13). */
  | 'SIAE';

/** Type de structure de l'inclusion, quand la structure en est une. */
export type InclusionKind =
  | 'ACI'
  | 'AI'
  | 'EA'
  | 'EATT'
  | 'EI'
  | 'EITI'
  | 'ESAT'
  | 'ETTI'
  | 'GEIQ';

export type InclusionKindCount = {
  __typename?: 'InclusionKindCount';
  count: Scalars['Int']['output'];
  /** Null : structures qui ne sont pas des employeurs de l'inclusion. */
  inclusionKind?: Maybe<InclusionKind>;
  label: Scalars['String']['output'];
};

/** Un jeu de types d'inclusion exigés, en un clic, pour les formulaires de besoin, avec la règle qu'il suit. */
export type InclusionKindPreset = {
  __typename?: 'InclusionKindPreset';
  /** La base légale, en français (article du Code de la commande publique, ou règle OETH). */
  basis: Scalars['String']['output'];
  kinds: Array<InclusionKind>;
  label: Scalars['String']['output'];
};

/** Ce que l'ESS pourrait prendre d'un achat avant qu'il soit déposé (des nombres, aucune donnée personnelle). */
export type InclusivePotential = {
  __typename?: 'InclusivePotential';
  /** Une ligne par famille, dans l'ordre SIAE, PROTECTED, OTHER_ESS. */
  families: Array<FamilyPotential>;
  /** Recommandation en français, avec l'article du Code de la commande publique et le seuil appliqués. */
  recommendation: Scalars['String']['output'];
  /** Structures qui peuvent y répondre seules, toutes familles confondues. */
  total: Scalars['Int']['output'];
};

/** Le résultat d’une campagne d’invitations : à qui un lien de connexion a été écrit pour revendiquer et compléter sa fiche. */
export type InvitationBatch = {
  __typename?: 'InvitationBatch';
  /** Structures déjà invitées : aucune nouvelle invitation. */
  alreadyInvited: Scalars['Int']['output'];
  /** Structures à qui une invitation vient d'être écrite (envoyée par la boîte d'envoi, un rappel prévu après FOLLOW_UP_AFTER). */
  invited: Scalars['Int']['output'];
  /** Structures sans adresse de contact : à appeler ; une adresse trouvée se renseigne par updateSupplier. */
  withoutAddress: Array<Supplier>;
};

/** La campagne d'invitations, pour les agents. */
export type InvitationCampaign = {
  __typename?: 'InvitationCampaign';
  /** Les structures invitées, la plus récente d'abord (500 au plus). */
  invited: Array<Supplier>;
  /** Les structures sans adresse de contact, à appeler, par nom (500 au plus). */
  withoutAddress: Array<Supplier>;
};

/** Statut juridique ESS (loi du 31 juillet 2014). */
export type LegalForm =
  | 'ASSOCIATION'
  | 'COOPERATIVE'
  | 'ESUS_COMPANY'
  | 'FONDATION'
  | 'MUTUELLE'
  | 'SCIC'
  | 'SCOP'
  /** Structure importée dont la source ne donne pas la forme juridique (« forme juridique non renseignée ») ; jamais accepté en saisie. */
  | 'UNSPECIFIED';

/** Ce qu'est un courriel de la boîte d'envoi. */
export type MailKind =
  /** FOLLOW_UP_AFTER après l'envoi de la liste : ce qu'a donné chaque mise en relation (entreprise), une réponse (structure). */
  | 'FOLLOW_UP'
  /** La mise en relation elle-même, envoyée à l'approbation. */
  | 'INTRODUCTION'
  /** L'invitation d'une structure à revendiquer et compléter sa fiche (jamais listée avec une sélection). */
  | 'INVITATION'
  /** Son unique rappel, FOLLOW_UP_AFTER après, si la structure ne s'est pas connectée et que sa fiche n'est pas complète. */
  | 'INVITATION_REMINDER'
  /** Le lien de confirmation d'un besoin déposé sans compte (jamais listé avec une sélection). */
  | 'NEED_CONFIRMATION'
  /** L'accusé de réception d'un besoin enregistré (confirmé), envoyé à l'entreprise (jamais listé avec une sélection). */
  | 'NEED_RECEIVED'
  /** L'unique rappel, FOLLOW_UP_AFTER après la relance ; puis plus rien. */
  | 'REMINDER';

/** Un courriel tel que son destinataire le lira. */
export type MailPreview = {
  __typename?: 'MailPreview';
  /** L'empreinte de l'aperçu (la même pour chacun de ses courriels) : donnée à approveShortlist, elle fait refuser l'approbation si la liste, une note, le message ou une fiche a changé depuis. */
  fingerprint: Scalars['String']['output'];
  html: Scalars['String']['output'];
  subject: Scalars['String']['output'];
  text: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

export type MailRecipient =
  | 'FIRM'
  | 'SUPPLIER';

export type MailState =
  /** Non envoyé, volontairement : son destinataire a supprimé son compte (RGPD), a refusé les relances, ou il n'y avait plus rien à demander (voir lastError). */
  | 'DROPPED'
  /** Abandonné après MAIL_GIVE_UP_AFTER (24 h par défaut) : voir lastError. */
  | 'FAILED'
  | 'PENDING'
  | 'SENDING'
  | 'SENT';

export type MonthAmount = {
  __typename?: 'MonthAmount';
  /** En euros. */
  amount: Scalars['Float']['output'];
  /** Marchés remportés enregistrés ce mois-là. */
  count: Scalars['Int']['output'];
  /** par ex. « mars 2026 » */
  label: Scalars['String']['output'];
  /** AAAA-MM */
  month: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Un acheteur (compte entreprise, ou un agent pour une organisation) analyse son fichier de dépenses par fournisseur, donné en texte CSV (SIRET ou SIREN, nom, montant, catégorie ou code NAF facultatifs ; en-têtes français ou anglais ; points-virgules ou virgules). */
  analyseSpend: SpendAnalysis;
  /**
   * Agents : approuve la liste et envoie les mises en relation par courriel. Idempotent. Refusé (CONFLICT)
   * quand une structure qu'une exigence du besoin écarte n'a pas de dérogation.
   */
  approveShortlist: Shortlist;
  /** Agents : arrête l'import en cours entre deux lignes (les profils déjà écrits sont complets ; relancer termine le travail). */
  cancelImport: ImportJob;
  /** Agents et administrateurs : clôt un besoin traité ; il sort de la file d'attente, pas des statistiques. */
  closeNeed: Need;
  /** Agents et administrateurs, ou un compte SUPPLIER qui crée son propre profil (son type d'inclusion et ses labels attendent alors la confirmation d'un agent). */
  createSupplier: Supplier;
  /** Le compte d'une entreprise ou d'une structure se supprime, et pour une structure son profil ; les mises en relation passées restent, anonymisées, pour les statistiques. `confirm` doit valoir true. */
  deleteMyAccount: Scalars['Boolean']['output'];
  /** Supprime aussitôt une analyse et les données de son fichier. */
  deleteSpendAnalysis: Scalars['Boolean']['output'];
  /** Agents et administrateurs : retire une structure de l'annuaire et du moteur (fermeture, doublon). Les mises en relation envoyées la gardent, anonymisée, pour les statistiques. */
  deleteSupplier: Scalars['Boolean']['output'];
  /** Agents : la personne cesse d'agir pour sa structure ; ses jetons de session et ses liens cessent de fonctionner aussitôt. */
  detachUser: Scalars['Boolean']['output'];
  /**
   * Agents : propose les `size` meilleures structures du moteur (5 par défaut) en brouillon (DRAFT) :
   * structures éligibles du métier du besoin seulement, donc parfois moins (`notice` le dit) ; refusé
   * (CONFLICT) quand il n'y en a aucune : `supplierIds` part alors de structures choisies à la main.
   * Les structures déjà présentées par une liste approuvée du même besoin ne sont pas reprises (`notice` le dit).
   */
  draftShortlist: Shortlist;
  /** Agents et administrateurs : invite des structures à revendiquer et compléter leur fiche (lien de connexion par courriel, un rappel après FOLLOW_UP_AFTER si rien n’a changé). */
  inviteSuppliers: InvitationBatch;
  login: AuthPayload;
  /**
   * Entreprises, ou agents pour le compte d'une entreprise (confirmé aussitôt ; un accusé de réception part
   * à l'adresse de l'entreprise). Sans compte : companyName et contactEmail sont obligatoires, et le besoin
   * attend (confirmedAt null) le lien envoyé à contactEmail, sauf si la requête porte le cookie posé quand
   * cette adresse a confirmé un besoin (90 jours). Limité par client et par adresse (TOO_MANY_REQUESTS).
   */
  postNeed: Need;
  /** L'entreprise du besoin ou un agent : ce qu'a donné une mise en relation. Indiquer à nouveau remplace l'indication précédente. */
  recordOutcome: ShortlistItem;
  /** Agents et administrateurs : la réponse qu'une structure a donnée par téléphone ou par courriel, enregistrée pour elle comme ses liens l'enregistreraient (la dernière compte). */
  recordSupplierAnswer: ShortlistItem;
  /** Tout le monde : envoie un lien de connexion à usage unique à cette adresse si c'est celle d'un compte ou le contact d'une structure. Toujours true (on ne dit pas quelles adresses sont connues). */
  requestAccessLink: Scalars['Boolean']['output'];
  /** Agents et administrateurs : un courriel FAILED est renvoyé, ses essais recomptés à zéro. */
  retryMail: OutboxMail;
  /** Agents et administrateurs : confirme (approve: true) ou refuse (false) ce qu'une structure a déclaré de son type d'inclusion et de ses labels. */
  reviewSupplierChanges: Supplier;
  /**
   * Agents : lance l'import des fichiers envoyés (d'abord en simulation, `dryRun: true`, puis pour de bon).
   * Un seul import à la fois. `communes` : codes INSEE à garder (la Métropole par défaut) ; `networks` :
   * réseaux porteurs de data·inclusion gardés en plus de ceux de l'ESS.
   */
  runImport: ImportJob;
  /** Agents : fait d'une organisation d'entreprise un acheteur public (avec son SIRET), ou l'inverse (COMPANY). */
  setOrganisationKind: Organisation;
  /** Connexion avec le jeton d'un lien reçu par courriel (une fois, dans les 30 minutes) ; le contact d'une structure devient son compte SUPPLIER à la première connexion. */
  signInWithLink: AuthPayload;
  /** L'entreprise du besoin, ou un agent : modifie le besoin tant qu'aucune structure n'a été présentée. */
  updateNeed: Need;
  /**
   * Agents : la liste retenue, dans l'ordre (elle remplace la précédente). Brouillon seulement. Les notes
   * non mentionnées sont gardées. `groupement: true` présente les 2 à 4 structures à l'entreprise comme un
   * groupement possible (voir proposeGroupements) ; false les présente de nouveau une à une ; absent garde
   * la liste comme elle était.
   */
  updateShortlist: Shortlist;
  /** Agents et administrateurs, ou les comptes SUPPLIER de la structure elle-même. */
  updateSupplier: Supplier;
  /**
   * Agents : ajoute un morceau (512 000 caractères au plus) au fichier `fileName` d'un envoi ; sans `uploadId`,
   * commence un nouvel envoi. 4 fichiers et 100 Mo au plus ; au-delà, `npm run import`.
   */
  uploadImportChunk: ImportUpload;
  /** L'entreprise du besoin, ou un agent : retire un besoin pour lequel aucune structure n'a été présentée, en disant pourquoi. */
  withdrawNeed: Need;
};


export type MutationAnalyseSpendArgs = {
  csv: Scalars['String']['input'];
  organisationId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationApproveShortlistArgs = {
  id: Scalars['ID']['input'];
  message?: InputMaybe<Scalars['String']['input']>;
  previewFingerprint?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCancelImportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCloseNeedArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreateSupplierArgs = {
  input: SupplierInput;
};


export type MutationDeleteMyAccountArgs = {
  confirm: Scalars['Boolean']['input'];
};


export type MutationDeleteSpendAnalysisArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteSupplierArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDetachUserArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationDraftShortlistArgs = {
  needId: Scalars['ID']['input'];
  overrides?: InputMaybe<Array<ShortlistOverrideInput>>;
  size?: InputMaybe<Scalars['Int']['input']>;
  supplierIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationInviteSuppliersArgs = {
  supplierIds: Array<Scalars['ID']['input']>;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationPostNeedArgs = {
  input: NeedInput;
};


export type MutationRecordOutcomeArgs = {
  amount?: InputMaybe<Scalars['Int']['input']>;
  insertionHours?: InputMaybe<Scalars['Int']['input']>;
  shortlistId: Scalars['ID']['input'];
  status: OutcomeStatus;
  supplierId: Scalars['ID']['input'];
};


export type MutationRecordSupplierAnswerArgs = {
  answer: SupplierAnswer;
  comment?: InputMaybe<Scalars['String']['input']>;
  shortlistId: Scalars['ID']['input'];
  supplierId: Scalars['ID']['input'];
};


export type MutationRequestAccessLinkArgs = {
  email: Scalars['String']['input'];
};


export type MutationRetryMailArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReviewSupplierChangesArgs = {
  approve: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRunImportArgs = {
  communes?: InputMaybe<Array<Scalars['String']['input']>>;
  dryRun: Scalars['Boolean']['input'];
  format: ImportFormat;
  networks?: InputMaybe<Array<Scalars['String']['input']>>;
  uploadId: Scalars['ID']['input'];
};


export type MutationSetOrganisationKindArgs = {
  kind: OrganisationKind;
  organisationId: Scalars['ID']['input'];
  siret?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSignInWithLinkArgs = {
  token: Scalars['String']['input'];
};


export type MutationUpdateNeedArgs = {
  id: Scalars['ID']['input'];
  input: NeedUpdateInput;
};


export type MutationUpdateShortlistArgs = {
  groupement?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  notes?: InputMaybe<Array<ShortlistNoteInput>>;
  overrides?: InputMaybe<Array<ShortlistOverrideInput>>;
  supplierIds: Array<Scalars['ID']['input']>;
};


export type MutationUpdateSupplierArgs = {
  id: Scalars['ID']['input'];
  input: SupplierUpdateInput;
};


export type MutationUploadImportChunkArgs = {
  chunk: Scalars['String']['input'];
  fileName: Scalars['String']['input'];
  uploadId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationWithdrawNeedArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

/** Une sous-classe NAF rév. 2 et son libellé en français. */
export type NafCode = {
  __typename?: 'NafCode';
  /** Code NAF rév. 2, par ex. « 81.30Z ». */
  code: Scalars['String']['output'];
  label: Scalars['String']['output'];
};

export type Need = {
  __typename?: 'Need';
  budgetMax?: Maybe<Scalars['Int']['output']>;
  budgetMin?: Maybe<Scalars['Int']['output']>;
  /** Agents : l'organisation de l'entreprise qui a déposé le besoin (pour analyser ses achats) ; null sinon. */
  buyerOrganisationId?: Maybe<Scalars['ID']['output']>;
  /** Quand la Métropole a clos le besoin. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Agents et administrateurs seulement (null pour les autres) : le mot de l'agent qui a clos le besoin. */
  closingNote?: Maybe<Scalars['String']['output']>;
  commune: Commune;
  companyName?: Maybe<Scalars['String']['output']>;
  /** Null tant qu'un besoin déposé sans compte attend le lien envoyé à son adresse de contact. */
  confirmedAt?: Maybe<Scalars['DateTime']['output']>;
  contactEmail: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  deadline?: Maybe<Scalars['DateTime']['output']>;
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Agents et administrateurs seulement (null pour les autres) : la note interne, jamais envoyée par courriel. */
  internalNote?: Maybe<Scalars['String']['output']>;
  /** Type de besoin : achat, sous-traitance, partenariat RSE, clause d'insertion ou mécénat. */
  kind: NeedKind;
  /** Agents et administrateurs : une phrase quand aucune structure éligible du métier du besoin ne peut intervenir à son lieu ; null sinon (et pour les autres). */
  matchNotice?: Maybe<Scalars['String']['output']>;
  nafCodes: Array<Scalars['String']['output']>;
  preferredInclusionKinds: Array<InclusionKind>;
  /** Agents et administrateurs seulement (null pour les autres) : l'adresse du compte qui a enregistré le besoin, celui de l'entreprise ou l'agent qui l'a pris au téléphone. */
  recordedBy?: Maybe<Scalars['String']['output']>;
  requiredInclusionKinds: Array<InclusionKind>;
  requiredLabels: Array<Scalars['String']['output']>;
  /** Agents : toutes les listes du besoin ; son entreprise : celles approuvées. */
  shortlists: Array<Shortlist>;
  /** Où en est le besoin. */
  status: NeedStatus;
  title: Scalars['String']['output'];
  withdrawalReason?: Maybe<Scalars['String']['output']>;
  /** Quand le besoin a été retiré, et pourquoi (visible de l'entreprise et de la Métropole). */
  withdrawnAt?: Maybe<Scalars['DateTime']['output']>;
};

export type NeedConnection = {
  __typename?: 'NeedConnection';
  edges: Array<NeedEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type NeedEdge = {
  __typename?: 'NeedEdge';
  cursor: Scalars['String']['output'];
  node: Need;
};

export type NeedInput = {
  /** Budget maximum, en euros (entier) ; au moins égal au budget minimum. */
  budgetMax?: InputMaybe<Scalars['Int']['input']>;
  /** Budget minimum, en euros (entier). */
  budgetMin?: InputMaybe<Scalars['Int']['input']>;
  /** Code INSEE de la commune où la prestation a lieu. */
  communeCode: Scalars['String']['input'];
  /** Nom de l'entreprise : obligatoire quand un agent enregistre le besoin d'une entreprise (et sans compte) ; une entreprise connectée publie sous le nom de son organisation. */
  companyName?: InputMaybe<Scalars['String']['input']>;
  /** Adresse de l'entreprise, où part la sélection de structures et à laquelle les structures répondent. Par défaut, l'adresse du compte qui publie ; obligatoire quand un agent enregistre le besoin (l'adresse de l'entreprise, jamais la sienne) ou sans compte. */
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  /** Échéance : un jour seul (« 2026-03-31 ») ou une date et heure ; ni passée, ni à plus de dix ans. */
  deadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** Envoyée telle quelle à chaque structure présentée : ce que l'entreprise cherche, jamais de note interne (nom ou téléphone d'un interlocuteur, propos tenus au téléphone) : ces notes vont dans internalNote. */
  description: Scalars['String']['input'];
  /** Piège anti-robots du formulaire public : un champ caché aux personnes, à laisser vide. Un besoin envoyé avec ce champ rempli reçoit la réponse d'un besoin déposé, et n'est pas enregistré. */
  honeypot?: InputMaybe<Scalars['String']['input']>;
  /** Agents seulement : note interne (qui a appelé, son téléphone, ce qui a été dit), lue par les agents et jamais envoyée par courriel. Refusée à une entreprise. */
  internalNote?: InputMaybe<Scalars['String']['input']>;
  /** Type de besoin : achat, sous-traitance, partenariat RSE, clause d'insertion ou mécénat. */
  kind: NeedKind;
  /** Lieu exact de la prestation, quand l'appelant a géocodé une adresse (avec longitude) ; sinon le centre de la commune. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Voir latitude : les deux vont ensemble. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Codes NAF rév. 2 du besoin, par ex. « 81.30Z » (10 au plus) ; déduits du texte quand ils manquent. */
  nafCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Préférence souple : ces types de structures sont favorisés sans exclure les autres (par ex. ESAT/EA pour l'obligation d'emploi OETH). */
  preferredInclusionKinds?: InputMaybe<Array<InclusionKind>>;
  /** Exigence stricte : seuls ces types de structures sont éligibles (marchés réservés, achats déductibles de la contribution OETH). */
  requiredInclusionKinds?: InputMaybe<Array<InclusionKind>>;
  /** Exigence stricte : seules les structures qui détiennent tous ces labels sont éligibles. Labels connus seulement (RGE, Qualibat, QUALIOPI…) : un label inconnu est refusé, avec les noms proches. */
  requiredLabels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Titre du besoin (200 caractères au plus), repris dans l'objet des courriels. */
  title: Scalars['String']['input'];
};

export type NeedKind =
  | 'INSERTION_CLAUSE'
  | 'PURCHASE'
  | 'RSE_PARTNERSHIP'
  | 'SPONSORSHIP'
  | 'SUBCONTRACTING';

export type NeedKindCount = {
  __typename?: 'NeedKindCount';
  count: Scalars['Int']['output'];
  kind: NeedKind;
  label: Scalars['String']['output'];
};

/**
 * Où en est un besoin : AWAITING_CONFIRMATION (déposé sans compte, en attente du lien envoyé à son adresse),
 * OPEN (en attente d'une sélection), INTRODUCED (des structures ont été présentées), WITHDRAWN (retiré par
 * l'entreprise ou la Métropole, hors des statistiques), CLOSED (clos par la Métropole).
 */
export type NeedStatus =
  | 'AWAITING_CONFIRMATION'
  | 'CLOSED'
  | 'INTRODUCED'
  | 'OPEN'
  | 'WITHDRAWN';

/**
 * Modification d'un besoin : seuls les champs donnés changent ; une liste donnée remplace toute la liste
 * enregistrée. Mêmes règles qu'au dépôt (voir NeedInput).
 */
export type NeedUpdateInput = {
  budgetMax?: InputMaybe<Scalars['Int']['input']>;
  budgetMin?: InputMaybe<Scalars['Int']['input']>;
  communeCode?: InputMaybe<Scalars['String']['input']>;
  companyName?: InputMaybe<Scalars['String']['input']>;
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  deadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** Envoyée telle quelle à chaque structure présentée : jamais de note interne (elles vont dans internalNote). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Agents seulement : la note interne, jamais envoyée ; null ou vide l'efface. Refusée à une entreprise. */
  internalNote?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<NeedKind>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  nafCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  preferredInclusionKinds?: InputMaybe<Array<InclusionKind>>;
  requiredInclusionKinds?: InputMaybe<Array<InclusionKind>>;
  requiredLabels?: InputMaybe<Array<Scalars['String']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Ce que les achats auprès du secteur protégé déduisent de la contribution OETH d'une entreprise, avec la règle appliquée. */
export type OethDeduction = {
  __typename?: 'OethDeduction';
  /** 30 % de ce coût, avant plafond. */
  beforeCap: Scalars['Float']['output'];
  /** Plafond en euros. */
  cap: Scalars['Float']['output'];
  /** Plafond appliqué : 0,5 (50 % de la contribution) ou 0,75 (entreprise employant au moins 3,5 % de travailleurs handicapés). */
  capRate: Scalars['Float']['output'];
  /** Vrai quand le plafond limite la déduction. */
  capped: Scalars['Boolean']['output'];
  /** Déduction retenue, en euros. */
  deduction: Scalars['Float']['output'];
  /** Coût de la main-d'œuvre des achats auprès d'ESAT et d'EA, en euros (montant de ces achats × part de main-d'œuvre indiquée). */
  labourCost: Scalars['Float']['output'];
  /** La règle, en français, avec sa référence. */
  rule: Scalars['String']['output'];
};

export type Organisation = {
  __typename?: 'Organisation';
  id: Scalars['ID']['output'];
  kind: OrganisationKind;
  name: Scalars['String']['output'];
  /** Le SIRET de l'acheteur public (son identifiant dans les DECP) ; null pour les autres organisations. */
  siret?: Maybe<Scalars['String']['output']>;
};

/** Ce qu'est une organisation : une entreprise, une structure, la Métropole, ou un acheteur public (commune, hôpital, bailleur…). */
export type OrganisationKind =
  | 'COMPANY'
  | 'METROPOLE'
  | 'PUBLIC_BUYER'
  | 'SUPPLIER';

/** Un courriel de la boîte d'envoi (agents et administrateurs seulement) : mises en relation, relances, confirmations et accusés de réception de besoins. */
export type OutboxMail = {
  __typename?: 'OutboxMail';
  attempts: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: MailKind;
  /** La dernière réponse du serveur de courriel (ou l'erreur de connexion) quand un essai a échoué. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** Le besoin dont il est question. */
  need?: Maybe<Need>;
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  recipient: MailRecipient;
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** La liste dont ce courriel présente les structures ; null pour un accusé de réception de besoin. */
  shortlist?: Maybe<Shortlist>;
  state: MailState;
  /** La structure destinataire, pour les courriels SUPPLIER. */
  supplier?: Maybe<Supplier>;
  to: Scalars['String']['output'];
};

export type Outcome = {
  __typename?: 'Outcome';
  /** En euros ; WON seulement. */
  amount?: Maybe<Scalars['Int']['output']>;
  /** Heures de travail de personnes en insertion ou en situation de handicap sous ce marché (WON seulement). */
  insertionHours?: Maybe<Scalars['Int']['output']>;
  status: OutcomeStatus;
  updatedAt: Scalars['DateTime']['output'];
};

export type OutcomeCount = {
  __typename?: 'OutcomeCount';
  count: Scalars['Int']['output'];
  label: Scalars['String']['output'];
  status: OutcomeStatus;
};

/** Ce qu'a donné une mise en relation, tel que l'entreprise ou un agent l'a indiqué en dernier. */
export type OutcomeStatus =
  | 'CONTACTED'
  | 'LOST'
  | 'NO_FOLLOW_UP'
  | 'QUOTE_REQUESTED'
  /** Exige le montant, en euros. */
  | 'WON';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** Un achat décrit avant d'être déposé : rien n'est enregistré. */
export type PotentialInput = {
  /** Budget maximum, en euros (entier) : sans budget, toute structure compte comme pouvant y répondre seule. */
  budgetMax?: InputMaybe<Scalars['Int']['input']>;
  /** Code INSEE de la commune où la prestation a lieu. */
  communeCode: Scalars['String']['input'];
  /** Seuls ces types de structures comptent (marché réservé, achat déductible de la contribution OETH). */
  requiredInclusionKinds?: InputMaybe<Array<InclusionKind>>;
  /** Ce qui est acheté : titre et description du besoin (5200 caractères au plus). */
  text: Scalars['String']['input'];
};

export type PublicContract = {
  __typename?: 'PublicContract';
  amount: Scalars['Float']['output'];
  awardedToDirectory: Scalars['Boolean']['output'];
  buyerSiret: Scalars['String']['output'];
  /** Le numéro du marché chez son acheteur (`id` des DECP). */
  contractId: Scalars['String']['output'];
  cpvCode: Scalars['String']['output'];
  holders: Array<PublicContractHolder>;
  id: Scalars['ID']['output'];
  notifiedAt: Scalars['DateTime']['output'];
  object: Scalars['String']['output'];
  /** Code du lieu d'exécution (commune ou code postal). */
  placeCode: Scalars['String']['output'];
  reserved: Scalars['Boolean']['output'];
  socialClause: Scalars['Boolean']['output'];
  socialCriterion: Scalars['Boolean']['output'];
};

/** Les chiffres d'un mois ou d'un acheteur. */
export type PublicContractGroup = {
  __typename?: 'PublicContractGroup';
  amount: Scalars['Float']['output'];
  contracts: Scalars['Int']['output'];
  essAmount: Scalars['Float']['output'];
  essContracts: Scalars['Int']['output'];
  /** AAAA-MM pour un mois, SIRET pour un acheteur. */
  key: Scalars['String']['output'];
  /** « mars 2026 », ou le nom de l'acheteur public (« Acheteur <SIRET> » s'il n'a pas de compte). */
  label: Scalars['String']['output'];
  reserved: Scalars['Int']['output'];
  socialClause: Scalars['Int']['output'];
  socialCriterion: Scalars['Int']['output'];
};

export type PublicContractHolder = {
  __typename?: 'PublicContractHolder';
  id: Scalars['String']['output'];
  /** SIRET, TVA, TAHITI, RIDET, FRWF, IREP ou HORS-UE. */
  idType: Scalars['String']['output'];
  /** La structure de l'annuaire qui porte ce SIRET, s'il y en a une. */
  supplier?: Maybe<Supplier>;
};

/** Les marchés publics des acheteurs du territoire (importés des DECP), notifiés sur la période. */
export type PublicContractStats = {
  __typename?: 'PublicContractStats';
  /** Euros HT, montants notifiés (modifications ultérieures non comprises). */
  amount: Scalars['Float']['output'];
  /** Par acheteur, le plus gros montant d'abord. */
  byBuyer: Array<PublicContractGroup>;
  /** Par mois de notification (heure de Paris), mois sans marché omis. */
  byMonth: Array<PublicContractGroup>;
  contracts: Scalars['Int']['output'];
  essAmount: Scalars['Float']['output'];
  /** Attribués à une structure de l'annuaire (n'importe quel cotraitant). */
  essContracts: Scalars['Int']['output'];
  reserved: Scalars['Int']['output'];
  socialClause: Scalars['Int']['output'];
  socialCriterion: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Tout le monde : les communes françaises dont le nom (à partir de n'importe quel mot, sans tenir compte des accents) ou le code INSEE commence par `search`, celles de la Métropole d'abord ; `first` 10 par défaut, 50 au plus. */
  communes: Array<Commune>;
  /** Tout ce que le service garde de votre compte et de votre organisation (profil, besoins, mises en relation), en un document JSON (RGPD : accès et portabilité). */
  exportMyData: Scalars['String']['output'];
  /** Agents et administrateurs : les courriels abandonnés, le plus récent d'abord. */
  failedMails: Array<OutboxMail>;
  /**
   * Agents et administrateurs. Une borne sans heure (2025-01-01) est un jour de calendrier à Paris, et `to`
   * inclut alors tout ce jour ; une date et heure est l'heure de Paris (2025-01-01T08:30:00) sauf si elle
   * porte un décalage (2025-01-01T08:30:00Z, …+01:00). Une date qui n'existe pas (2025-02-30) est refusée.
   */
  impactStats: ImpactStats;
  /** Agents : un import lancé depuis la console. */
  importJob?: Maybe<ImportJob>;
  /** Agents : les derniers imports lancés depuis la console, le plus récent d'abord. */
  importJobs: Array<ImportJob>;
  /** Les trois jeux légaux de types d'inclusion exigés (marchés réservés ESAT/EA, SIAE ; achats OETH). */
  inclusionKindPresets: Array<InclusionKindPreset>;
  /** Tout le monde, sans compte : ce que l'ESS pourrait prendre d'un achat (nombres par famille et recommandation). 120 demandes par minute au plus depuis une même adresse. */
  inclusivePotential: InclusivePotential;
  /** Agents et administrateurs : les listes approuvées et envoyées (ou celles du statut donné), la plus récente d'abord. */
  introductions: ShortlistConnection;
  /** Agents et administrateurs : les structures invitées et celles à appeler. */
  invitationCampaign: InvitationCampaign;
  /** Agents et administrateurs : les structures classées pour un besoin, la meilleure d'abord. */
  matchSuppliers: Array<SupplierMatch>;
  me?: Maybe<User>;
  /** Les communes membres de la Métropole, par nom (pour les formulaires du site). */
  metropoleCommunes: Array<Commune>;
  /** Tout le monde : les sous-classes NAF dont le code commence par `search` ou dont le libellé contient chacun de ses mots ; `first` 20 par défaut, 50 au plus. */
  nafCodes: Array<NafCode>;
  need?: Maybe<Need>;
  /** Agents et administrateurs : tous les besoins, le plus récent d'abord. Entreprises : les leurs. */
  needs: NeedConnection;
  /** Agents et administrateurs : les besoins sans liste approuvée, ceux qui attendent depuis le plus longtemps d'abord (ni retirés, ni clos, ni en attente de confirmation). */
  needsAwaitingShortlist: NeedConnection;
  /** Agents : les organisations, d'un type donné ou toutes (par nom). */
  organisations: Array<Organisation>;
  /** Agents et administrateurs : chaque courriel que l'approbation enverrait, rendu exactement comme il le sera. */
  previewIntroduction: Array<MailPreview>;
  /** Agents et administrateurs : les groupements pour un besoin, le meilleur d'abord (vide quand une structure suffit et qu'aucune n'apporte rien de plus). */
  proposeGroupements: Array<Groupement>;
  /**
   * Les chiffres de commande publique sur [from, to) (bornes lues comme celles d'impactStats). Un acheteur public :
   * les siens (tous les établissements de son SIREN) ; les agents : ceux de `buyer` (SIRET ou SIREN), ou de tous.
   */
  publicContractStats: PublicContractStats;
  /** Les marchés notifiés sur [from, to), mêmes droits que publicContractStats, du plus ancien au plus récent. */
  publicContracts: Array<PublicContract>;
  shortlist?: Maybe<Shortlist>;
  /** Les analyses de dépenses de votre organisation, la plus récente d'abord (agents : celles de l'organisation `organisationId`). */
  spendAnalyses: Array<SpendAnalysis>;
  /** Une analyse, pour son organisation et les agents. */
  spendAnalysis: SpendAnalysis;
  supplier?: Maybe<Supplier>;
  /** Public directory (répertoire des entreprises ESS): no login needed. */
  suppliers: SupplierConnection;
  /** Agents et administrateurs : les structures dont le type d'inclusion ou les labels déclarés attendent une confirmation, la plus ancienne demande d'abord. */
  suppliersWithPendingChanges: Array<Supplier>;
};


export type QueryCommunesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  search: Scalars['String']['input'];
};


export type QueryFailedMailsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryImpactStatsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryImportJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInclusivePotentialArgs = {
  input: PotentialInput;
};


export type QueryIntroductionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ShortlistStatus>;
};


export type QueryMatchSuppliersArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  needId: Scalars['ID']['input'];
};


export type QueryNafCodesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  search: Scalars['String']['input'];
};


export type QueryNeedArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNeedsAwaitingShortlistArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOrganisationsArgs = {
  kind?: InputMaybe<OrganisationKind>;
};


export type QueryPreviewIntroductionArgs = {
  message?: InputMaybe<Scalars['String']['input']>;
  shortlistId: Scalars['ID']['input'];
};


export type QueryProposeGroupementsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  needId: Scalars['ID']['input'];
};


export type QueryPublicContractStatsArgs = {
  buyer?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryPublicContractsArgs = {
  buyer?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryShortlistArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySpendAnalysesArgs = {
  organisationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySpendAnalysisArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySupplierArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySuppliersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SupplierFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Role =
  | 'ADMIN'
  /** Entreprise « classique » qui dépose des besoins. */
  | 'COMPANY'
  /** Agent du développement économique de la Métropole. */
  | 'OFFICER'
  /** Structure de l'ESS qui tient son profil à jour. */
  | 'SUPPLIER';

/** Chaque composante est dans [0, 1] ; le score les combine et est dans [0, 1]. */
export type ScoreBreakdown = {
  __typename?: 'ScoreBreakdown';
  capacity: Scalars['Float']['output'];
  labels: Scalars['Float']['output'];
  location: Scalars['Float']['output'];
  sector: Scalars['Float']['output'];
  text: Scalars['Float']['output'];
};

/**
 * Les agents lisent toutes les listes ; l'entreprise du besoin lit les siennes une fois APPROVED ou SENT
 * (un brouillon est le travail en cours de la Métropole).
 */
export type Shortlist = {
  __typename?: 'Shortlist';
  approvedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Vrai quand l'agent présente les structures comme un groupement possible (co-traitance) : le courriel de l'entreprise dit qui apporte quelle part. */
  groupement: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  items: Array<ShortlistItem>;
  /** Agents et administrateurs : chaque courriel de la liste et son état d'envoi ; les présentations seules par défaut, les relances (FOLLOW_UP, REMINDER) si on les demande. */
  mails: Array<OutboxMail>;
  /** Le message de l'agent qui approuve, pour l'entreprise. */
  message?: Maybe<Scalars['String']['output']>;
  need: Need;
  /** Pourquoi la proposition du moteur compte moins de structures que demandé (en français) ; null sinon. */
  notice?: Maybe<Scalars['String']['output']>;
  /** Quand le dernier de ses courriels a été remis. */
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  status: ShortlistStatus;
};


/**
 * Les agents lisent toutes les listes ; l'entreprise du besoin lit les siennes une fois APPROVED ou SENT
 * (un brouillon est le travail en cours de la Métropole).
 */
export type ShortlistMailsArgs = {
  kinds?: InputMaybe<Array<MailKind>>;
};

export type ShortlistConnection = {
  __typename?: 'ShortlistConnection';
  edges: Array<ShortlistEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ShortlistEdge = {
  __typename?: 'ShortlistEdge';
  cursor: Scalars['String']['output'];
  node: Shortlist;
};

export type ShortlistItem = {
  __typename?: 'ShortlistItem';
  /** Agents et administrateurs : quand une liste approuvée plus tôt pour le même besoin a déjà présenté la structure ; null sinon. */
  alreadyIntroducedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Le mot de l'agent sur cette structure : l'entreprise et cette structure le lisent dans leurs courriels (la note interne du besoin n'est jamais envoyée). */
  note?: Maybe<Scalars['String']['output']>;
  /** Null tant que l'entreprise ou un agent n'en a pas indiqué (listes approuvées seulement). */
  outcome?: Maybe<Outcome>;
  /** Agents et administrateurs : la dérogation de l'agent quand une exigence du besoin écarte la structure ; null sinon. */
  override?: Maybe<ShortlistOverride>;
  /** Faux quand un agent a ajouté la structure. */
  proposedByMatcher: Scalars['Boolean']['output'];
  rank: Scalars['Int']['output'];
  /** Toutes les raisons données par le moteur, en français (vide pour une structure qu'il n'a pas classée). Le courriel de l'entreprise ne montre que celles qui l'aident à choisir et, pour une structure ajoutée par un agent, la note de l'agent à la place. */
  reasons: Array<Scalars['String']['output']>;
  /** Null tant que la structure n'a pas répondu (agents et administrateurs seulement : son commentaire leur est adressé). */
  response?: Maybe<SupplierResponse>;
  score?: Maybe<Scalars['Float']['output']>;
  supplier: Supplier;
};

/** Une note sur une structure de la liste ; une note null ou vide l'efface. */
export type ShortlistNoteInput = {
  note?: InputMaybe<Scalars['String']['input']>;
  supplierId: Scalars['ID']['input'];
};

/** Une structure qu'une exigence du besoin écarte (type d'inclusion ou label exigé, hors zone), ajoutée malgré tout par un agent. */
export type ShortlistOverride = {
  __typename?: 'ShortlistOverride';
  at: Scalars['DateTime']['output'];
  /** L'exigence que la structure ne remplit pas, en français. */
  constraint: Scalars['String']['output'];
  /** La raison donnée par l'agent. */
  reason: Scalars['String']['output'];
};

/** La raison de présenter une structure qu'une exigence du besoin écarte (500 caractères au plus). */
export type ShortlistOverrideInput = {
  reason: Scalars['String']['input'];
  supplierId: Scalars['ID']['input'];
};

export type ShortlistStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'SENT';

/** Les dépenses d'un acheteur auprès de l'ESS, d'après le fichier des dépenses par fournisseur. Réservée à son organisation et aux agents. */
export type SpendAnalysis = {
  __typename?: 'SpendAnalysis';
  createdAt: Scalars['DateTime']['output'];
  /** L'analyse en CSV (totaux, lignes comptées, catégories sans ESS, lignes refusées) ; `excelFr` : points-virgules et virgules décimales, pour un tableur réglé en français. */
  csv: Scalars['String']['output'];
  /** Dépenses auprès des structures de l'annuaire (rapprochées par SIRET, puis par SIREN). */
  essAmount: Scalars['Float']['output'];
  /** Part des dépenses auprès de l'ESS, de 0 à 1. */
  essShare: Scalars['Float']['output'];
  /** Les plus grosses catégories sans ESS, de la plus grosse à la plus petite (au plus 10). */
  gaps: Array<SpendGap>;
  id: Scalars['ID']['output'];
  /** Lignes comptées (sans les lignes refusées ni les doublons). */
  lines: Scalars['Int']['output'];
  /** Pour une entreprise : la déduction OETH de ses achats auprès du secteur protégé, à partir des chiffres que le fichier ne donne pas ; null pour un acheteur public. */
  oethDeduction?: Maybe<OethDeduction>;
  /** Dont auprès du secteur protégé (ESAT, EA, EATT). */
  protectedAmount: Scalars['Float']['output'];
  /** Part auprès du secteur protégé, de 0 à 1. */
  protectedShare: Scalars['Float']['output'];
  /** Vrai pour un acheteur public : ses achats auprès d'ESAT et d'EA ne comptent pour rien d'autre (pas de déduction OETH calculée). */
  publicBuyer: Scalars['Boolean']['output'];
  refusals: Array<SpendRefusal>;
  /** Dont auprès des SIAE (ACI, AI, EI, ETTI, EITI) et des GEIQ. */
  siaeAmount: Scalars['Float']['output'];
  /** Part auprès des SIAE, de 0 à 1. */
  siaeShare: Scalars['Float']['output'];
  totalAmount: Scalars['Float']['output'];
};


/** Les dépenses d'un acheteur auprès de l'ESS, d'après le fichier des dépenses par fournisseur. Réservée à son organisation et aux agents. */
export type SpendAnalysisCsvArgs = {
  excelFr?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Les dépenses d'un acheteur auprès de l'ESS, d'après le fichier des dépenses par fournisseur. Réservée à son organisation et aux agents. */
export type SpendAnalysisOethDeductionArgs = {
  contribution: Scalars['Float']['input'];
  disabledWorkforceRate: Scalars['Float']['input'];
  labourCostShare: Scalars['Float']['input'];
};

/** Une catégorie d'achats sans aucune dépense auprès de l'ESS, avec des structures de l'annuaire capables d'y répondre. */
export type SpendGap = {
  __typename?: 'SpendGap';
  /** Montant dépensé dans cette catégorie, en euros. */
  amount: Scalars['Float']['output'];
  /** La catégorie du fichier, ou à défaut le code NAF du fournisseur et son libellé. */
  category: Scalars['String']['output'];
  /** Ce que l'ESS de la Métropole pourrait prendre de cette catégorie (autour de Rouen, pour son montant), comme `inclusivePotential`. */
  potential: InclusivePotential;
  /** Structures éligibles de ce métier proposées par l'outil de rapprochement au moment de l'analyse (au plus 3). */
  suggestions: Array<Supplier>;
};

/** Une ligne du fichier de dépenses qui n'a pas été comptée, et pourquoi (illisible, incomplète, en double). */
export type SpendRefusal = {
  __typename?: 'SpendRefusal';
  /** Numéro de la ligne dans le fichier (l'en-tête est la ligne 1). */
  line: Scalars['Int']['output'];
  reason: Scalars['String']['output'];
};

export type Supplier = {
  __typename?: 'Supplier';
  /** Agents et administrateurs (null pour les autres) : le journal des accès à cette structure, le plus récent d'abord. */
  accountEvents?: Maybe<Array<AccountEvent>>;
  commune: Commune;
  /** Combien la fiche est complète ; « fiche en cours de complétion » sur le site public en dessous de 100 %. */
  completeness: Completeness;
  /** Null sauf pour un agent, un administrateur, la structure elle-même, ou une entreprise qui la lit dans sa propre liste de mises en relation approuvée ou envoyée. */
  contactEmail?: Maybe<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  employees?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  inclusionKind?: Maybe<InclusionKind>;
  interventionRadiusKm?: Maybe<Scalars['Int']['output']>;
  /** Agents et administrateurs (null pour les autres, et pour une structure jamais invitée) : où en est son invitation à compléter sa fiche. */
  invitation?: Maybe<SupplierInvitation>;
  labels: Array<Scalars['String']['output']>;
  legalForm: LegalForm;
  /** Où la structure est basée : son adresse géocodée, sinon le centre de sa commune ; null si inconnu. */
  location?: Maybe<GeoPoint>;
  maxContractValue?: Maybe<Scalars['Int']['output']>;
  nafCodes: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** Agents et administrateurs, et la structure elle-même (null pour les autres) : ce qu'elle a déclaré et qui attend d'être confirmé. */
  pendingChanges?: Maybe<SupplierPendingChanges>;
  /** La structure elle-même, agents et administrateurs (null pour les autres) : les mots que les entreprises ont employés dans les besoins de son secteur des douze derniers mois et que son profil n'emploie pas, les plus fréquents d'abord ; seuls comptent les mots écrits par au moins trois entreprises distinctes, chacune ayant un compte ou dont un agent a enregistré le besoin (une entreprise compte une fois, sous son nom) ; les besoins déposés sans compte ne comptent jamais, quel que soit le nom qu'ils donnent. */
  searchHints?: Maybe<Array<Scalars['String']['output']>>;
  services: Array<Scalars['String']['output']>;
  siret?: Maybe<Scalars['String']['output']>;
  /** Agents et administrateurs (null pour les autres) : les personnes qui agissent pour cette structure. */
  users?: Maybe<Array<User>>;
  website?: Maybe<Scalars['String']['output']>;
};

export type SupplierAnswer =
  | 'INTERESTED'
  | 'NOT_AVAILABLE';

export type SupplierConnection = {
  __typename?: 'SupplierConnection';
  edges: Array<SupplierEdge>;
  facets: DirectoryFacets;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SupplierEdge = {
  __typename?: 'SupplierEdge';
  cursor: Scalars['String']['output'];
  node: Supplier;
};

export type SupplierFilter = {
  /** Code INSEE : les structures basées dans cette commune. */
  communeCode?: InputMaybe<Scalars['String']['input']>;
  /** Agents et administrateurs : seules les fiches complètes à moins de ce pourcentage (1 à 100 ; 100 : les fiches à compléter). */
  completenessBelow?: InputMaybe<Scalars['Int']['input']>;
  /** Agents et administrateurs : true, seules les fiches qui ont une adresse de contact ; false, celles qui n'en ont pas. */
  hasContactEmail?: InputMaybe<Scalars['Boolean']['input']>;
  /** Les structures de l'un de ces types d'inclusion (valeurs confirmées par la Métropole). */
  inclusionKinds?: InputMaybe<Array<InclusionKind>>;
  /** Labels : la structure doit les avoir tous. */
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Les structures de l'une de ces formes juridiques. */
  legalForms?: InputMaybe<Array<LegalForm>>;
  /** Préfixe de code NAF, par ex. « 81 » ou « 81.30 ». */
  nafPrefix?: InputMaybe<Scalars['String']['input']>;
  /** Agents et administrateurs : true, seules les structures dont le contact ne s'est jamais connecté ; false, celles dont il s'est connecté. */
  neverSignedIn?: InputMaybe<Scalars['Boolean']['input']>;
  /** Code INSEE : seules les structures qui peuvent y intervenir (la commune est dans leur rayon d'intervention). */
  servesCommuneCode?: InputMaybe<Scalars['String']['input']>;
  /** Recherche en texte libre dans le nom, la description et les prestations. Le dernier mot, s’il n’est pas suivi d’une espace, vaut aussi pour les mots qu’il commence (3 lettres au moins) : « recyc » trouve « recyclerie » ; s’il est lui-même un mot (« bois »), les structures qui l’emploient restent en tête. */
  text?: InputMaybe<Scalars['String']['input']>;
};

export type SupplierInput = {
  /** Code INSEE de la commune où la structure est basée. */
  communeCode: Scalars['String']['input'];
  /** Adresse de contact ; privée : lue par les agents et par la structure elle-même seulement. */
  contactEmail: Scalars['String']['input'];
  /** Texte libre en français : ce que propose la structure (sert au rapprochement). */
  description: Scalars['String']['input'];
  /** Effectif (salariés et travailleurs accompagnés). */
  employees?: InputMaybe<Scalars['Int']['input']>;
  /** Type de structure d'inclusion, s'il y a lieu ; déclaré par la structure elle-même, il attend la confirmation d'un agent. */
  inclusionKind?: InputMaybe<InclusionKind>;
  /** Rayon d'intervention autour de sa base, en kilomètres. */
  interventionRadiusKm?: InputMaybe<Scalars['Int']['input']>;
  /** Labels, pris dans la liste connue, par ex. « RGE », « ISO 9001 », « QUALIOPI », « ECOCERT » ; un label inconnu est refusé avec les noms proches. */
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Lieu exact de la base, quand l'appelant a géocodé une adresse (avec longitude) ; sinon le centre de la commune. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Forme juridique de l'ESS. */
  legalForm: LegalForm;
  /** Voir latitude : les deux vont ensemble. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Le plus gros marché qu'elle peut prendre, en euros. */
  maxContractValue?: InputMaybe<Scalars['Int']['input']>;
  /** Codes NAF rév. 2, par ex. « 81.30Z » (10 au plus). */
  nafCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Nom de la structure (200 caractères au plus). */
  name: Scalars['String']['input'];
  /** Prestations, en phrases courtes (120 caractères au plus chacune, 30 au plus). */
  services?: InputMaybe<Array<Scalars['String']['input']>>;
  /** SIRET : 14 chiffres, clé de contrôle vérifiée. */
  siret?: InputMaybe<Scalars['String']['input']>;
  /** Site web, en http(s)://. */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** Où en est l'invitation d'une structure à revendiquer et compléter sa fiche. */
export type SupplierInvitation = {
  __typename?: 'SupplierInvitation';
  /** Quand la fiche est devenue complète après l'invitation. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Quand un agent l'a invitée. */
  invitedAt: Scalars['DateTime']['output'];
  /** Pourquoi l'invitation ou son rappel n'est pas parti, s'il ne l'est pas. */
  notSent?: Maybe<Scalars['String']['output']>;
  /** La structure a demandé à ne plus recevoir de rappel. */
  optedOut: Scalars['Boolean']['output'];
  /** Quand le rappel a été remis ; null s'il ne l'est pas (pas encore dû, ou inutile). */
  remindedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Quand l'invitation a été remise au serveur de courrier ; null tant qu'elle ne l'est pas. */
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** La première connexion de son contact (la fiche est alors revendiquée). */
  signedInAt?: Maybe<Scalars['DateTime']['output']>;
};

export type SupplierMatch = {
  __typename?: 'SupplierMatch';
  breakdown: ScoreBreakdown;
  /** Faux quand une exigence stricte n'est pas remplie (label exigé manquant, base bien au-delà de son rayon, type d'inclusion exigé). */
  eligible: Scalars['Boolean']['output'];
  /** Phrases courtes en français qui expliquent le score. */
  reasons: Array<Scalars['String']['output']>;
  /** Faux quand la structure exerce un autre métier que celui du besoin (pertinence du texte et du secteur sous le seuil) : classée après celles du métier, jamais proposée dans une sélection. */
  relevant: Scalars['Boolean']['output'];
  score: Scalars['Float']['output'];
  supplier: Supplier;
};

/**
 * Ce qu'une structure a déclaré d'elle-même (type de structure d'inclusion, labels), en attente de la
 * confirmation d'un agent : les valeurs du profil, qu'utilisent le rapprochement et l'annuaire, restent
 * les valeurs confirmées. Les deux valeurs sont celles qu'aurait la structure une fois confirmée.
 */
export type SupplierPendingChanges = {
  __typename?: 'SupplierPendingChanges';
  inclusionKind?: Maybe<InclusionKind>;
  labels: Array<Scalars['String']['output']>;
  requestedAt: Scalars['DateTime']['output'];
};

/** La réponse d'une structure à sa mise en relation, donnée par le lien de son courriel ou par un agent. */
export type SupplierResponse = {
  __typename?: 'SupplierResponse';
  answer: SupplierAnswer;
  answeredAt: Scalars['DateTime']['output'];
  comment?: Maybe<Scalars['String']['output']>;
};

/**
 * Seuls les champs donnés changent ; null efface un champ facultatif. Une liste donnée (services, nafCodes,
 * labels) remplace toute la liste enregistrée : pour ajouter un label, renvoyez la liste complète.
 * Donnés par la structure elle-même, inclusionKind et labels restent en attente (Supplier.pendingChanges)
 * jusqu'à ce qu'un agent de la Métropole les confirme.
 */
export type SupplierUpdateInput = {
  communeCode?: InputMaybe<Scalars['String']['input']>;
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Agents : quand contactEmail change, l'ancien contact cesse d'agir pour la structure (oui par défaut). */
  detachPreviousContact?: InputMaybe<Scalars['Boolean']['input']>;
  employees?: InputMaybe<Scalars['Int']['input']>;
  inclusionKind?: InputMaybe<InclusionKind>;
  interventionRadiusKm?: InputMaybe<Scalars['Int']['input']>;
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  legalForm?: InputMaybe<LegalForm>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  maxContractValue?: InputMaybe<Scalars['Int']['input']>;
  nafCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  services?: InputMaybe<Array<Scalars['String']['input']>>;
  siret?: InputMaybe<Scalars['String']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Son organisation (à lui-même et aux agents). */
  organisation?: Maybe<Organisation>;
  role: Role;
  /** La structure que tient cet utilisateur (utilisateurs SUPPLIER, pour eux-mêmes seulement) ; null sinon. */
  supplier?: Maybe<Supplier>;
};
