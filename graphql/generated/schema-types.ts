import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AccountEventRecord, NeedRecord, OrganisationRecord, OutboxRecord, ShortlistRecord, SpendAnalysisRecord, SpendGapRecord, UserRecord } from '../../api/store/types';
import type { ImpactStats as ImpactStatsView } from '../../api/impact';
import type { ImportJob as ImportJobView } from '../../api/import-jobs';
import type { ShortlistItemView, ListedSupplier } from '../../api/introductions';
import type { DirectoryPage } from '../../api/directory';
import type { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
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
  readonly __typename?: 'AccountEvent';
  readonly action: AccountAction;
  readonly at: Scalars['DateTime']['output'];
  /** L'adresse de l'agent qui l'a fait ; null quand le contact s'est rattaché lui-même avec son lien de connexion. */
  readonly by?: Maybe<Scalars['String']['output']>;
  /** L'adresse de la personne rattachée ou détachée. */
  readonly userEmail: Scalars['String']['output'];
};

export type AuthPayload = {
  readonly __typename?: 'AuthPayload';
  readonly token: Scalars['String']['output'];
  readonly user: User;
};

export type Commune = {
  readonly __typename?: 'Commune';
  /** Code INSEE de la commune, par ex. « 76540 ». */
  readonly code: Scalars['String']['output'];
  /** Département code, e.g. "76". */
  readonly departement?: Maybe<Scalars['String']['output']>;
  readonly name: Scalars['String']['output'];
};

export type CommuneCount = {
  readonly __typename?: 'CommuneCount';
  readonly commune: Commune;
  readonly count: Scalars['Int']['output'];
};

/**
 * Ce que dit la fiche d'une structure parmi ce que cherchent les entreprises : description, prestations
 * (services), métier (nafCodes), plus gros marché (maxContractValue), rayon d'intervention
 * (interventionRadiusKm), adresse de contact (contactEmail), labels. Chacun de ces sept champs pèse autant.
 */
export type Completeness = {
  readonly __typename?: 'Completeness';
  /** Les champs manquants, sous leur nom de SupplierInput (par ex. « description », « maxContractValue »). */
  readonly missing: ReadonlyArray<Scalars['String']['output']>;
  /** Les mêmes, en français, à afficher à la structure (par ex. « vos prestations »). */
  readonly missingLabels: ReadonlyArray<Scalars['String']['output']>;
  /** De 0 à 100, arrondi : la part des sept champs renseignés (les labels déclarés par la structure comptent avant leur confirmation). */
  readonly percent: Scalars['Int']['output'];
};

/** Décomptes sur toutes les structures qui répondent au filtre, pour les panneaux de filtres du site. */
export type DirectoryFacets = {
  readonly __typename?: 'DirectoryFacets';
  readonly communes: ReadonlyArray<FacetCount>;
  readonly inclusionKinds: ReadonlyArray<FacetCount>;
  readonly labels: ReadonlyArray<FacetCount>;
  readonly legalForms: ReadonlyArray<FacetCount>;
};

/** Ce que l'annuaire a compris d'une recherche : le texte cherché dans les fiches et les communes retenues. */
export type DirectoryReading = {
  readonly __typename?: 'DirectoryReading';
  /** La commune du siège demandée (communeCode). */
  readonly headOfficeCommune?: Maybe<Commune>;
  /** La commune où les structures doivent pouvoir intervenir : nommée dans le texte, ou choisie (servesCommuneCode). */
  readonly servesCommune?: Maybe<Commune>;
  /** Vrai quand cette commune a été reconnue dans le texte. */
  readonly servesCommuneFromText: Scalars['Boolean']['output'];
  /** Les mots du texte qui ont nommé la commune, tels que saisis (« rouen ») ; null quand aucune commune n'a été reconnue dans le texte. */
  readonly servesCommuneTyped?: Maybe<Scalars['String']['output']>;
  /** Le texte cherché dans les fiches, sans le nom de commune qu'il contenait ; null quand il ne reste rien à chercher. */
  readonly text?: Maybe<Scalars['String']['output']>;
};

/** Une valeur d'un filtre, et combien de structures de tout le résultat (toutes pages) l'ont. */
export type FacetCount = {
  readonly __typename?: 'FacetCount';
  readonly count: Scalars['Int']['output'];
  /** Libellé en français, à afficher. */
  readonly label: Scalars['String']['output'];
  /** La valeur telle que le filtre la prend : valeur d'énumération, code de commune ou label. */
  readonly value: Scalars['String']['output'];
};

/** Ce qu'une famille de structures peut prendre d'un achat. */
export type FamilyPotential = {
  readonly __typename?: 'FamilyPotential';
  /** Structures éligibles de ce métier, pouvant intervenir à la commune, qui peuvent porter seules le budget (ou qui n'ont pas déclaré de montant maximum). */
  readonly count: Scalars['Int']['output'];
  readonly family: InclusionFamily;
  /** Structures éligibles de ce métier, pouvant intervenir à la commune, trop petites seules mais qui atteignent le budget en groupement avec au plus trois autres structures de leur famille, elles aussi trop petites seules. */
  readonly groupementOnly: Scalars['Int']['output'];
};

export type GeoPoint = {
  readonly __typename?: 'GeoPoint';
  readonly latitude: Scalars['Float']['output'];
  readonly longitude: Scalars['Float']['output'];
};

/** Plusieurs structures qui, ensemble, répondent à un besoin qu'aucune ne couvre seule (co-traitance, groupement). */
export type Groupement = {
  readonly __typename?: 'Groupement';
  readonly members: ReadonlyArray<SupplierMatch>;
  /** En français : ce qu'apporte chaque membre et pourquoi ils vont ensemble. */
  readonly reasons: ReadonlyArray<Scalars['String']['output']>;
  readonly score: Scalars['Float']['output'];
};

/**
 * Les chiffres de [from, to). Les besoins comptent à leur date de dépôt (les besoins retirés n'y sont pas) ;
 * les listes, mises en relation et leurs suites à la date d'approbation de la liste (une cohorte : les suites
 * indiquées plus tard comptent encore pour elle).
 */
export type ImpactStats = {
  readonly __typename?: 'ImpactStats';
  /** Euros remportés par les structures de l'ESS (marchés WON) ; un Float, car le total d'une année peut dépasser un Int GraphQL. */
  readonly amountWon: Scalars['Float']['output'];
  /** Marchés remportés par mois (heure de Paris) de leur enregistrement, du premier mois de la période à celui du dernier marché, mois sans marché compris. */
  readonly amountWonByMonth: ReadonlyArray<MonthAmount>;
  /** Marchés remportés / mises en relation, dans [0, 1]. */
  readonly conversionRate: Scalars['Float']['output'];
  /**
   * Les mêmes chiffres que `npm run report` et GET /report.csv : CSV aux colonnes indicateur, cle, libelle, valeur.
   * `excelFr: true` : pour un Excel en français (points-virgules entre colonnes, virgules décimales), comme `?excel-fr=1`.
   */
  readonly csv: Scalars['String']['output'];
  readonly from: Scalars['DateTime']['output'];
  /** Heures de travail en insertion des marchés remportés par les mises en relation de la période (besoins de type INSERTION_CLAUSE). */
  readonly insertionHours: Scalars['Int']['output'];
  /** Mises en relation dont la structure a répondu INTERESTED (sa dernière réponse, depuis son courriel ou par un agent). */
  readonly interestedAnswers: Scalars['Int']['output'];
  /** interestedAnswers / introductions, dans [0, 1] : la part des structures présentées qui se sont dites intéressées. */
  readonly interestedRate: Scalars['Float']['output'];
  /** Paires (liste, structure) : une structure présentée deux fois compte deux fois. */
  readonly introductions: Scalars['Int']['output'];
  /** Communes de la Métropole, celle qui a le plus de mises en relation d'abord. */
  readonly introductionsByCommune: ReadonlyArray<CommuneCount>;
  readonly introductionsByInclusionKind: ReadonlyArray<InclusionKindCount>;
  readonly introductionsOutsideMetropole: Scalars['Int']['output'];
  readonly needsByKind: ReadonlyArray<NeedKindCount>;
  readonly needsPosted: Scalars['Int']['output'];
  readonly outcomes: ReadonlyArray<OutcomeCount>;
  /** Fiches revendiquées : structures dont le contact s'est connecté pour la première fois dans la période. */
  readonly profilesClaimed: Scalars['Int']['output'];
  /** Fiches complétées : structures invitées dont la fiche est devenue complète (100 %) dans la période. */
  readonly profilesCompleted: Scalars['Int']['output'];
  readonly publicContracts: PublicContractStats;
  readonly shortlistsApproved: Scalars['Int']['output'];
  /** Listes approuvées dont tous les courriels ont été remis. */
  readonly shortlistsSent: Scalars['Int']['output'];
  /** Structures présentées (chacune une fois), par commune de la Métropole, la plus nombreuse d'abord. */
  readonly structuresByCommune: ReadonlyArray<CommuneCount>;
  /** Structures présentées par type d'inclusion : une structure présentée deux fois compte une fois. */
  readonly structuresByInclusionKind: ReadonlyArray<InclusionKindCount>;
  /** Structures présentées, chacune comptée une fois. */
  readonly structuresIntroduced: Scalars['Int']['output'];
  readonly structuresOutsideMetropole: Scalars['Int']['output'];
  /** Exclue. */
  readonly to: Scalars['DateTime']['output'];
};


/**
 * Les chiffres de [from, to). Les besoins comptent à leur date de dépôt (les besoins retirés n'y sont pas) ;
 * les listes, mises en relation et leurs suites à la date d'approbation de la liste (une cohorte : les suites
 * indiquées plus tard comptent encore pour elle).
 */
export type ImpactStatsCsvArgs = {
  excelFr?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Format du fichier : notre modèle CSV, la paire de fichiers SIRENE, ou les structures de data·inclusion (v1). */
export type ImportFormat =
  | 'CSV'
  | 'INCLUSION'
  | 'SIRENE';

/** Un import lancé depuis la console (gardé en mémoire par le service, les 20 derniers). */
export type ImportJob = {
  readonly __typename?: 'ImportJob';
  readonly bytesRead: Scalars['Float']['output'];
  readonly bytesTotal: Scalars['Float']['output'];
  readonly created: Scalars['Int']['output'];
  /** Simulation : rien n'est écrit. */
  readonly dryRun: Scalars['Boolean']['output'];
  /** Pourquoi l'import s'est arrêté (fichier illisible), en français. */
  readonly error?: Maybe<Scalars['String']['output']>;
  readonly finishedAt?: Maybe<Scalars['DateTime']['output']>;
  readonly format: ImportFormat;
  readonly id: Scalars['ID']['output'];
  readonly ignored: Scalars['Int']['output'];
  /** Pourquoi des lignes ont été laissées de côté (hors ESS, hors du territoire, fermées…), avec leur nombre. */
  readonly ignoredReasons: ReadonlyArray<ImportReasonCount>;
  readonly lines: Scalars['Int']['output'];
  /** Les lignes refusées, dans l'ordre des fichiers (les `first` premières, 100 par défaut). */
  readonly refusals: ReadonlyArray<ImportRefusal>;
  readonly refused: Scalars['Int']['output'];
  /** Toutes les lignes refusées en CSV (colonnes fichier, ligne, siret, nom, motif), comme `--report`. */
  readonly reportCsv: Scalars['String']['output'];
  readonly startedAt: Scalars['DateTime']['output'];
  readonly state: ImportState;
  readonly unchanged: Scalars['Int']['output'];
  readonly updated: Scalars['Int']['output'];
  readonly uploadId: Scalars['ID']['output'];
};


/** Un import lancé depuis la console (gardé en mémoire par le service, les 20 derniers). */
export type ImportJobRefusalsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ImportReasonCount = {
  readonly __typename?: 'ImportReasonCount';
  readonly count: Scalars['Int']['output'];
  readonly reason: Scalars['String']['output'];
};

export type ImportRefusal = {
  readonly __typename?: 'ImportRefusal';
  readonly file: Scalars['String']['output'];
  readonly line: Scalars['Int']['output'];
  readonly name: Scalars['String']['output'];
  readonly reason: Scalars['String']['output'];
  readonly siret: Scalars['String']['output'];
};

export type ImportState =
  | 'CANCELLED'
  | 'DONE'
  | 'FAILED'
  | 'RUNNING';

/** Fichiers envoyés par morceaux, en attente d'un import (effacés après l'import réel, ou au bout d'un jour). */
export type ImportUpload = {
  readonly __typename?: 'ImportUpload';
  readonly files: ReadonlyArray<ImportUploadFile>;
  readonly id: Scalars['ID']['output'];
};

export type ImportUploadFile = {
  readonly __typename?: 'ImportUploadFile';
  readonly bytes: Scalars['Float']['output'];
  readonly name: Scalars['String']['output'];
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
  readonly __typename?: 'InclusionKindCount';
  readonly count: Scalars['Int']['output'];
  /** Null : structures qui ne sont pas des employeurs de l'inclusion. */
  readonly inclusionKind?: Maybe<InclusionKind>;
  readonly label: Scalars['String']['output'];
};

/** Un jeu de types d'inclusion exigés, en un clic, pour les formulaires de besoin, avec la règle qu'il suit. */
export type InclusionKindPreset = {
  readonly __typename?: 'InclusionKindPreset';
  /** La base légale, en français (article du Code de la commande publique, ou règle OETH). */
  readonly basis: Scalars['String']['output'];
  readonly kinds: ReadonlyArray<InclusionKind>;
  readonly label: Scalars['String']['output'];
};

/** Ce que l'ESS pourrait prendre d'un achat avant qu'il soit déposé (des nombres, aucune donnée personnelle). */
export type InclusivePotential = {
  readonly __typename?: 'InclusivePotential';
  /** Une ligne par famille, dans l'ordre SIAE, PROTECTED, OTHER_ESS. */
  readonly families: ReadonlyArray<FamilyPotential>;
  /** Recommandation en français, avec l'article du Code de la commande publique et le seuil appliqués. */
  readonly recommendation: Scalars['String']['output'];
  /** Structures qui peuvent y répondre seules, toutes familles confondues. */
  readonly total: Scalars['Int']['output'];
};

/** Le résultat d’une campagne d’invitations : à qui un lien de connexion a été écrit pour revendiquer et compléter sa fiche. */
export type InvitationBatch = {
  readonly __typename?: 'InvitationBatch';
  /** Structures déjà invitées : aucune nouvelle invitation. */
  readonly alreadyInvited: Scalars['Int']['output'];
  /** Structures à qui une invitation vient d'être écrite (envoyée par la boîte d'envoi, un rappel prévu après FOLLOW_UP_AFTER). */
  readonly invited: Scalars['Int']['output'];
  /** Structures sans adresse de contact : à appeler ; une adresse trouvée se renseigne par updateSupplier. */
  readonly withoutAddress: ReadonlyArray<Supplier>;
};

/** La campagne d'invitations, pour les agents. */
export type InvitationCampaign = {
  readonly __typename?: 'InvitationCampaign';
  /** Les structures invitées, la plus récente d'abord (500 au plus). */
  readonly invited: ReadonlyArray<Supplier>;
  /** Les structures sans adresse de contact, à appeler, par nom (500 au plus). */
  readonly withoutAddress: ReadonlyArray<Supplier>;
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
  /** La décision d'un agent sur ce qu'une structure a déclaré (type d'inclusion, labels), envoyée à la structure. */
  | 'DECLARATION_REVIEWED'
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
  /** Le récapitulatif quotidien d'un agent qui l'a demandé (jamais listé avec une sélection). */
  | 'OFFICER_DIGEST'
  /** L'unique rappel, FOLLOW_UP_AFTER après la relance ; puis plus rien. */
  | 'REMINDER';

/** Un courriel tel que son destinataire le lira. */
export type MailPreview = {
  readonly __typename?: 'MailPreview';
  /** L'empreinte de l'aperçu (la même pour chacun de ses courriels) : donnée à approveShortlist, elle fait refuser l'approbation si la liste, une note, le message ou une fiche a changé depuis. */
  readonly fingerprint: Scalars['String']['output'];
  readonly html: Scalars['String']['output'];
  readonly subject: Scalars['String']['output'];
  readonly text: Scalars['String']['output'];
  readonly to: Scalars['String']['output'];
};

export type MailRecipient =
  | 'FIRM'
  /** Un agent de la Métropole. */
  | 'OFFICER'
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
  readonly __typename?: 'MonthAmount';
  /** En euros. */
  readonly amount: Scalars['Float']['output'];
  /** Marchés remportés enregistrés ce mois-là. */
  readonly count: Scalars['Int']['output'];
  /** par ex. « mars 2026 » */
  readonly label: Scalars['String']['output'];
  /** AAAA-MM */
  readonly month: Scalars['String']['output'];
};

export type Mutation = {
  readonly __typename?: 'Mutation';
  /** Un acheteur (compte entreprise, ou un agent pour une organisation) analyse son fichier de dépenses par fournisseur, donné en texte CSV (SIRET ou SIREN, nom, montant, catégorie ou code NAF facultatifs ; en-têtes français ou anglais ; points-virgules ou virgules). */
  readonly analyseSpend: SpendAnalysis;
  /** Structures : leur réponse à une mise en relation reçue, enregistrée comme le lien de leur courriel l'enregistrerait (la dernière compte). */
  readonly answerIntroduction: ReceivedIntroduction;
  /**
   * Agents : approuve la liste et envoie les mises en relation par courriel. Idempotent. Refusé (CONFLICT)
   * quand une structure qu'une exigence du besoin écarte n'a pas de dérogation.
   */
  readonly approveShortlist: Shortlist;
  /** Agents : prendre un besoin en charge (« Je m'en occupe ») ; un administrateur peut le confier à un autre agent (officerId). */
  readonly assignNeed: Need;
  /** Agents : arrête l'import en cours entre deux lignes (les profils déjà écrits sont complets ; relancer termine le travail). */
  readonly cancelImport: ImportJob;
  /** Agents et administrateurs : clôt un besoin traité ; il sort de la file d'attente, pas des statistiques. */
  readonly closeNeed: Need;
  /** Entreprise connectée par un lien envoyé à l'adresse du besoin : le confirme depuis son espace, comme le lien de confirmation l'aurait fait (sans effet s'il l'est déjà). */
  readonly confirmMyNeed: Need;
  /** Agents et administrateurs, ou un compte SUPPLIER qui crée son propre profil (son type d'inclusion et ses labels attendent alors la confirmation d'un agent). */
  readonly createSupplier: Supplier;
  /** Le compte d'une entreprise ou d'une structure se supprime, et pour une structure son profil ; les mises en relation passées restent, anonymisées, pour les statistiques. `confirm` doit valoir true. */
  readonly deleteMyAccount: Scalars['Boolean']['output'];
  /** Supprime aussitôt une analyse et les données de son fichier. */
  readonly deleteSpendAnalysis: Scalars['Boolean']['output'];
  /** Agents et administrateurs : retire une structure de l'annuaire et du moteur (fermeture, doublon). Les mises en relation envoyées la gardent, anonymisée, pour les statistiques. */
  readonly deleteSupplier: Scalars['Boolean']['output'];
  /** Agents : la personne cesse d'agir pour sa structure ; ses jetons de session et ses liens cessent de fonctionner aussitôt. */
  readonly detachUser: Scalars['Boolean']['output'];
  /**
   * Agents : propose les `size` meilleures structures du moteur (5 par défaut) en brouillon (DRAFT) :
   * structures éligibles du métier du besoin seulement, donc parfois moins (`notice` le dit) ; refusé
   * (CONFLICT) quand il n'y en a aucune : `supplierIds` part alors de structures choisies à la main.
   * Les structures déjà présentées par une liste approuvée du même besoin ne sont pas reprises (`notice` le dit).
   */
  readonly draftShortlist: Shortlist;
  /** Agents et administrateurs : invite des structures à revendiquer et compléter leur fiche (lien de connexion par courriel, un rappel après FOLLOW_UP_AFTER si rien n’a changé). */
  readonly inviteSuppliers: InvitationBatch;
  readonly login: AuthPayload;
  /**
   * Entreprises, ou agents pour le compte d'une entreprise (confirmé aussitôt ; un accusé de réception part
   * à l'adresse de l'entreprise). Sans compte : companyName et contactEmail sont obligatoires, et le besoin
   * attend (confirmedAt null) le lien envoyé à contactEmail, sauf si la requête porte le cookie posé quand
   * cette adresse a confirmé un besoin (90 jours). Limité par client et par adresse (TOO_MANY_REQUESTS).
   */
  readonly postNeed: Need;
  /** L'entreprise du besoin ou un agent : ce qu'a donné une mise en relation. Indiquer à nouveau remplace l'indication précédente. */
  readonly recordOutcome: ShortlistItem;
  /** Agents et administrateurs : la réponse qu'une structure a donnée par téléphone ou par courriel, enregistrée pour elle comme ses liens l'enregistreraient (la dernière compte). */
  readonly recordSupplierAnswer: ShortlistItem;
  /** L'agent qui a pris le besoin en charge, ou un administrateur : personne ne s'en occupe plus. */
  readonly releaseNeed: Need;
  /** Tout le monde : envoie un lien de connexion à usage unique à cette adresse si c'est celle d'un compte ou le contact d'une structure. Toujours true (on ne dit pas quelles adresses sont connues). */
  readonly requestAccessLink: Scalars['Boolean']['output'];
  /** Agents et administrateurs : un courriel FAILED est renvoyé, ses essais recomptés à zéro. */
  readonly retryMail: OutboxMail;
  /**
   * Agents et administrateurs : confirme (approve: true) ou refuse (false) ce qu'une structure a déclaré de son type
   * d'inclusion et de ses labels. Un refus dit pourquoi (`reason`, obligatoire alors) ; la structure reçoit la décision par courriel.
   * `requestedAt` est celui de la déclaration lue (`pendingChanges.requestedAt`) : si la structure en a envoyé une autre
   * depuis, la décision est refusée (CONFLICT) et rien ne change.
   */
  readonly reviewSupplierChanges: Supplier;
  /**
   * Agents : lance l'import des fichiers envoyés (d'abord en simulation, `dryRun: true`, puis pour de bon).
   * Un seul import à la fois. `communes` : codes INSEE à garder (la Métropole par défaut) ; `networks` :
   * réseaux porteurs de data·inclusion gardés en plus de ceux de l'ESS.
   */
  readonly runImport: ImportJob;
  /** Agents et administrateurs, pour leur propre compte : recevoir le récapitulatif quotidien (nouveaux besoins, courriels en échec, modifications à valider, réponses reçues) ou non. */
  readonly setDailyDigest: User;
  /** Structures : ne plus recevoir aucune relance de leurs mises en relation (enabled: false), ou les recevoir de nouveau (true). */
  readonly setMyFollowUps: Supplier;
  /** Agents : fait d'une organisation d'entreprise un acheteur public (avec son SIRET), ou l'inverse (COMPANY). */
  readonly setOrganisationKind: Organisation;
  /** Connexion avec le jeton d'un lien reçu par courriel (une fois, dans les 30 minutes) ; le contact d'une structure devient son compte SUPPLIER à la première connexion. */
  readonly signInWithLink: AuthPayload;
  /** L'entreprise du besoin, ou un agent : modifie le besoin tant qu'aucune structure n'a été présentée. */
  readonly updateNeed: Need;
  /**
   * Agents : la liste retenue, dans l'ordre (elle remplace la précédente). Brouillon seulement. Les notes
   * non mentionnées sont gardées. `groupement: true` présente les 2 à 4 structures à l'entreprise comme un
   * groupement possible (voir proposeGroupements) ; false les présente de nouveau une à une ; absent garde
   * la liste comme elle était.
   */
  readonly updateShortlist: Shortlist;
  /** Agents et administrateurs, ou les comptes SUPPLIER de la structure elle-même. */
  readonly updateSupplier: Supplier;
  /**
   * Agents : ajoute un morceau (512 000 caractères au plus) au fichier `fileName` d'un envoi ; sans `uploadId`,
   * commence un nouvel envoi. 4 fichiers et 100 Mo au plus ; au-delà, `npm run import`.
   */
  readonly uploadImportChunk: ImportUpload;
  /** L'entreprise du besoin, ou un agent : retire un besoin pour lequel aucune structure n'a été présentée, en disant pourquoi. */
  readonly withdrawNeed: Need;
};


export type MutationAnalyseSpendArgs = {
  csv: Scalars['String']['input'];
  organisationId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationAnswerIntroductionArgs = {
  answer: SupplierAnswer;
  comment?: InputMaybe<Scalars['String']['input']>;
  shortlistId: Scalars['ID']['input'];
};


export type MutationApproveShortlistArgs = {
  id: Scalars['ID']['input'];
  message?: InputMaybe<Scalars['String']['input']>;
  previewFingerprint?: InputMaybe<Scalars['String']['input']>;
};


export type MutationAssignNeedArgs = {
  needId: Scalars['ID']['input'];
  officerId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCancelImportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCloseNeedArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationConfirmMyNeedArgs = {
  id: Scalars['ID']['input'];
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
  overrides?: InputMaybe<ReadonlyArray<ShortlistOverrideInput>>;
  size?: InputMaybe<Scalars['Int']['input']>;
  supplierIds?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
};


export type MutationInviteSuppliersArgs = {
  supplierIds: ReadonlyArray<Scalars['ID']['input']>;
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


export type MutationReleaseNeedArgs = {
  needId: Scalars['ID']['input'];
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
  reason?: InputMaybe<Scalars['String']['input']>;
  requestedAt: Scalars['DateTime']['input'];
};


export type MutationRunImportArgs = {
  communes?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  dryRun: Scalars['Boolean']['input'];
  format: ImportFormat;
  networks?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  uploadId: Scalars['ID']['input'];
};


export type MutationSetDailyDigestArgs = {
  enabled: Scalars['Boolean']['input'];
};


export type MutationSetMyFollowUpsArgs = {
  enabled: Scalars['Boolean']['input'];
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
  notes?: InputMaybe<ReadonlyArray<ShortlistNoteInput>>;
  overrides?: InputMaybe<ReadonlyArray<ShortlistOverrideInput>>;
  supplierIds: ReadonlyArray<Scalars['ID']['input']>;
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
  readonly __typename?: 'NafCode';
  /** Code NAF rév. 2, par ex. « 81.30Z ». */
  readonly code: Scalars['String']['output'];
  readonly label: Scalars['String']['output'];
};

export type Need = {
  readonly __typename?: 'Need';
  /** La structure à laquelle l'entreprise s'est adressée depuis sa page publique ; null sinon (ou si elle a quitté l'annuaire). */
  readonly addressedTo?: Maybe<Supplier>;
  /** Agents et administrateurs (null pour les autres, ou quand personne ne s'en occupe) : l'agent qui a pris le besoin en charge. */
  readonly assignment?: Maybe<NeedAssignment>;
  readonly budgetMax?: Maybe<Scalars['Int']['output']>;
  readonly budgetMin?: Maybe<Scalars['Int']['output']>;
  /** Agents : l'organisation de l'entreprise qui a déposé le besoin (pour analyser ses achats) ; null sinon. */
  readonly buyerOrganisationId?: Maybe<Scalars['ID']['output']>;
  /** Vrai tant que le besoin peut être modifié ou retiré : aucune structure présentée, ni retiré ni clos. */
  readonly changeable: Scalars['Boolean']['output'];
  /** Quand la Métropole a clos le besoin. */
  readonly closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Agents et administrateurs seulement (null pour les autres) : le mot de l'agent qui a clos le besoin. */
  readonly closingNote?: Maybe<Scalars['String']['output']>;
  readonly commune: Commune;
  readonly companyName?: Maybe<Scalars['String']['output']>;
  /** Null tant qu'un besoin déposé sans compte attend le lien envoyé à son adresse de contact. */
  readonly confirmedAt?: Maybe<Scalars['DateTime']['output']>;
  readonly contactEmail: Scalars['String']['output'];
  readonly createdAt: Scalars['DateTime']['output'];
  readonly deadline?: Maybe<Scalars['DateTime']['output']>;
  readonly description: Scalars['String']['output'];
  readonly id: Scalars['ID']['output'];
  /** Agents et administrateurs seulement (null pour les autres) : la note interne, jamais envoyée par courriel. */
  readonly internalNote?: Maybe<Scalars['String']['output']>;
  /** Quand une première liste de structures a été présentée à l'entreprise ; null avant. */
  readonly introducedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Type de besoin : achat, sous-traitance, partenariat RSE, clause d'insertion ou mécénat. */
  readonly kind: NeedKind;
  /** Agents et administrateurs : une phrase quand aucune structure éligible du métier du besoin ne peut intervenir à son lieu ; null sinon (et pour les autres). */
  readonly matchNotice?: Maybe<Scalars['String']['output']>;
  readonly nafCodes: ReadonlyArray<Scalars['String']['output']>;
  /** Ce qui se passe ensuite et quand, en français, pour l'entreprise (le délai est l'engagement de service de la Métropole, SERVICE_COMMITMENT). */
  readonly nextStep: Scalars['String']['output'];
  readonly preferredInclusionKinds: ReadonlyArray<InclusionKind>;
  /** Agents et administrateurs seulement (null pour les autres) : l'adresse du compte qui a enregistré le besoin, celui de l'entreprise ou l'agent qui l'a pris au téléphone. */
  readonly recordedBy?: Maybe<Scalars['String']['output']>;
  readonly requiredInclusionKinds: ReadonlyArray<InclusionKind>;
  readonly requiredLabels: ReadonlyArray<Scalars['String']['output']>;
  /** Agents : toutes les listes du besoin ; son entreprise : celles approuvées. */
  readonly shortlists: ReadonlyArray<Shortlist>;
  /** Où en est le besoin. */
  readonly status: NeedStatus;
  readonly title: Scalars['String']['output'];
  readonly withdrawalReason?: Maybe<Scalars['String']['output']>;
  /** Quand le besoin a été retiré, et pourquoi (visible de l'entreprise et de la Métropole). */
  readonly withdrawnAt?: Maybe<Scalars['DateTime']['output']>;
};

/** Qui a pris un besoin en charge, et depuis quand. */
export type NeedAssignment = {
  readonly __typename?: 'NeedAssignment';
  readonly at: Scalars['DateTime']['output'];
  readonly officer: User;
};

export type NeedConnection = {
  readonly __typename?: 'NeedConnection';
  readonly edges: ReadonlyArray<NeedEdge>;
  readonly pageInfo: PageInfo;
  readonly totalCount: Scalars['Int']['output'];
};

export type NeedEdge = {
  readonly __typename?: 'NeedEdge';
  readonly cursor: Scalars['String']['output'];
  readonly node: Need;
};

/** Recherche parmi les besoins : texte (mots du titre, de la description, de l'entreprise ou de l'adresse) et statuts. */
export type NeedFilter = {
  readonly statuses?: InputMaybe<ReadonlyArray<NeedStatus>>;
  readonly text?: InputMaybe<Scalars['String']['input']>;
};

export type NeedInput = {
  /** La structure à laquelle l'entreprise s'adresse, depuis sa page publique (« Contacter via la Métropole ») ; elle doit être dans l'annuaire. */
  readonly addressedTo?: InputMaybe<Scalars['ID']['input']>;
  /** Budget maximum, en euros (entier) ; au moins égal au budget minimum. */
  readonly budgetMax?: InputMaybe<Scalars['Int']['input']>;
  /** Budget minimum, en euros (entier). */
  readonly budgetMin?: InputMaybe<Scalars['Int']['input']>;
  /**
   * La clé du formulaire, la même à chaque envoi d'un même formulaire (8 à 64 lettres, chiffres, « - » ou « _ ») :
   * un double clic ou un nouvel envoi répond le besoin déjà déposé, sans second courriel ; une autre clé est un autre
   * formulaire, donc un autre besoin. Sans compte et sans clé, le même titre envoyé de la même adresse dans les dix
   * minutes est aussi le même besoin (connecté, seule la clé rapproche deux envois : un agent peut enregistrer deux
   * besoins semblables d'une même entreprise).
   */
  readonly clientKey?: InputMaybe<Scalars['String']['input']>;
  /** Code INSEE de la commune où la prestation a lieu. */
  readonly communeCode: Scalars['String']['input'];
  /** Nom de l'entreprise : obligatoire quand un agent enregistre le besoin d'une entreprise (et sans compte) ; une entreprise connectée publie sous le nom de son organisation. */
  readonly companyName?: InputMaybe<Scalars['String']['input']>;
  /** Adresse de l'entreprise, où part la sélection de structures et à laquelle les structures répondent. Par défaut, l'adresse du compte qui publie ; obligatoire quand un agent enregistre le besoin (l'adresse de l'entreprise, jamais la sienne) ou sans compte. */
  readonly contactEmail?: InputMaybe<Scalars['String']['input']>;
  /** Échéance : un jour seul (« 2026-03-31 ») ou une date et heure ; ni passée, ni à plus de dix ans. */
  readonly deadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** Envoyée telle quelle à chaque structure présentée : ce que l'entreprise cherche, jamais de note interne (nom ou téléphone d'un interlocuteur, propos tenus au téléphone) : ces notes vont dans internalNote. */
  readonly description: Scalars['String']['input'];
  /** Piège anti-robots du formulaire public : un champ caché aux personnes, à laisser vide. Un besoin envoyé avec ce champ rempli reçoit la réponse d'un besoin déposé, et n'est pas enregistré. */
  readonly honeypot?: InputMaybe<Scalars['String']['input']>;
  /** Agents seulement : note interne (qui a appelé, son téléphone, ce qui a été dit), lue par les agents et jamais envoyée par courriel. Refusée à une entreprise. */
  readonly internalNote?: InputMaybe<Scalars['String']['input']>;
  /** Type de besoin : achat, sous-traitance, partenariat RSE, clause d'insertion ou mécénat. */
  readonly kind: NeedKind;
  /** Lieu exact de la prestation, quand l'appelant a géocodé une adresse (avec longitude) ; sinon le centre de la commune. */
  readonly latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Voir latitude : les deux vont ensemble. */
  readonly longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Codes NAF rév. 2 du besoin, par ex. « 81.30Z » (10 au plus) ; déduits du texte quand ils manquent. */
  readonly nafCodes?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Préférence souple : ces types de structures sont favorisés sans exclure les autres (par ex. ESAT/EA pour l'obligation d'emploi OETH). */
  readonly preferredInclusionKinds?: InputMaybe<ReadonlyArray<InclusionKind>>;
  /** Exigence stricte : seuls ces types de structures sont éligibles (marchés réservés, achats déductibles de la contribution OETH). */
  readonly requiredInclusionKinds?: InputMaybe<ReadonlyArray<InclusionKind>>;
  /** Exigence stricte : seules les structures qui détiennent tous ces labels sont éligibles. Labels connus seulement (RGE, Qualibat, QUALIOPI…) : un label inconnu est refusé, avec les noms proches. */
  readonly requiredLabels?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Titre du besoin (200 caractères au plus), repris dans l'objet des courriels. */
  readonly title: Scalars['String']['input'];
};

export type NeedKind =
  | 'INSERTION_CLAUSE'
  | 'PURCHASE'
  | 'RSE_PARTNERSHIP'
  | 'SPONSORSHIP'
  | 'SUBCONTRACTING';

export type NeedKindCount = {
  readonly __typename?: 'NeedKindCount';
  readonly count: Scalars['Int']['output'];
  readonly kind: NeedKind;
  readonly label: Scalars['String']['output'];
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
  readonly budgetMax?: InputMaybe<Scalars['Int']['input']>;
  readonly budgetMin?: InputMaybe<Scalars['Int']['input']>;
  readonly communeCode?: InputMaybe<Scalars['String']['input']>;
  readonly companyName?: InputMaybe<Scalars['String']['input']>;
  readonly contactEmail?: InputMaybe<Scalars['String']['input']>;
  readonly deadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** Envoyée telle quelle à chaque structure présentée : jamais de note interne (elles vont dans internalNote). */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** Agents seulement : la note interne, jamais envoyée ; null ou vide l'efface. Refusée à une entreprise. Seule, elle se modifie à toute étape du besoin. */
  readonly internalNote?: InputMaybe<Scalars['String']['input']>;
  /**
   * Avec internalNote : la note telle qu'elle a été lue avant d'être modifiée. Si une autre personne l'a changée depuis,
   * la modification est refusée (CONFLICT, le message donne la note actuelle) et rien ne change.
   */
  readonly internalNoteWas?: InputMaybe<Scalars['String']['input']>;
  readonly kind?: InputMaybe<NeedKind>;
  readonly latitude?: InputMaybe<Scalars['Float']['input']>;
  readonly longitude?: InputMaybe<Scalars['Float']['input']>;
  readonly nafCodes?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  readonly preferredInclusionKinds?: InputMaybe<ReadonlyArray<InclusionKind>>;
  readonly requiredInclusionKinds?: InputMaybe<ReadonlyArray<InclusionKind>>;
  readonly requiredLabels?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  readonly title?: InputMaybe<Scalars['String']['input']>;
};

/** Ce que les achats auprès du secteur protégé déduisent de la contribution OETH d'une entreprise, avec la règle appliquée. */
export type OethDeduction = {
  readonly __typename?: 'OethDeduction';
  /** 30 % de ce coût, avant plafond. */
  readonly beforeCap: Scalars['Float']['output'];
  /** Plafond en euros. */
  readonly cap: Scalars['Float']['output'];
  /** Plafond appliqué : 0,5 (50 % de la contribution) ou 0,75 (entreprise employant au moins 3,5 % de travailleurs handicapés). */
  readonly capRate: Scalars['Float']['output'];
  /** Vrai quand le plafond limite la déduction. */
  readonly capped: Scalars['Boolean']['output'];
  /** Déduction retenue, en euros. */
  readonly deduction: Scalars['Float']['output'];
  /** Coût de la main-d'œuvre des achats auprès d'ESAT et d'EA, en euros (montant de ces achats × part de main-d'œuvre indiquée). */
  readonly labourCost: Scalars['Float']['output'];
  /** La règle, en français, avec sa référence. */
  readonly rule: Scalars['String']['output'];
};

export type Organisation = {
  readonly __typename?: 'Organisation';
  readonly id: Scalars['ID']['output'];
  readonly kind: OrganisationKind;
  readonly name: Scalars['String']['output'];
  /** Le SIRET de l'acheteur public (son identifiant dans les DECP) ; null pour les autres organisations. */
  readonly siret?: Maybe<Scalars['String']['output']>;
};

/** Ce qu'est une organisation : une entreprise, une structure, la Métropole, ou un acheteur public (commune, hôpital, bailleur…). */
export type OrganisationKind =
  | 'COMPANY'
  | 'METROPOLE'
  | 'PUBLIC_BUYER'
  | 'SUPPLIER';

/** Un courriel de la boîte d'envoi (agents et administrateurs seulement) : mises en relation, relances, confirmations et accusés de réception de besoins. */
export type OutboxMail = {
  readonly __typename?: 'OutboxMail';
  readonly attempts: Scalars['Int']['output'];
  readonly id: Scalars['ID']['output'];
  readonly kind: MailKind;
  /** La dernière réponse du serveur de courriel (ou l'erreur de connexion) quand un essai a échoué. */
  readonly lastError?: Maybe<Scalars['String']['output']>;
  /** Le besoin dont il est question. */
  readonly need?: Maybe<Need>;
  readonly nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  readonly recipient: MailRecipient;
  readonly sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** La liste dont ce courriel présente les structures ; null pour un accusé de réception de besoin. */
  readonly shortlist?: Maybe<Shortlist>;
  readonly state: MailState;
  /** La structure destinataire, pour les courriels SUPPLIER. */
  readonly supplier?: Maybe<Supplier>;
  readonly to: Scalars['String']['output'];
};

export type Outcome = {
  readonly __typename?: 'Outcome';
  /** En euros ; WON seulement. */
  readonly amount?: Maybe<Scalars['Int']['output']>;
  /** Heures de travail de personnes en insertion ou en situation de handicap sous ce marché (WON seulement). */
  readonly insertionHours?: Maybe<Scalars['Int']['output']>;
  readonly status: OutcomeStatus;
  readonly updatedAt: Scalars['DateTime']['output'];
};

export type OutcomeCount = {
  readonly __typename?: 'OutcomeCount';
  readonly count: Scalars['Int']['output'];
  readonly label: Scalars['String']['output'];
  readonly status: OutcomeStatus;
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
  readonly __typename?: 'PageInfo';
  readonly endCursor?: Maybe<Scalars['String']['output']>;
  readonly hasNextPage: Scalars['Boolean']['output'];
};

/** Un achat décrit avant d'être déposé : rien n'est enregistré. */
export type PotentialInput = {
  /** Budget maximum, en euros (entier) : sans budget, toute structure compte comme pouvant y répondre seule. */
  readonly budgetMax?: InputMaybe<Scalars['Int']['input']>;
  /** Code INSEE de la commune où la prestation a lieu. */
  readonly communeCode: Scalars['String']['input'];
  /** Seuls ces types de structures comptent (marché réservé, achat déductible de la contribution OETH). */
  readonly requiredInclusionKinds?: InputMaybe<ReadonlyArray<InclusionKind>>;
  /** Ce qui est acheté : titre et description du besoin (5200 caractères au plus). */
  readonly text: Scalars['String']['input'];
};

export type PublicContract = {
  readonly __typename?: 'PublicContract';
  readonly amount: Scalars['Float']['output'];
  readonly awardedToDirectory: Scalars['Boolean']['output'];
  readonly buyerSiret: Scalars['String']['output'];
  /** Le numéro du marché chez son acheteur (`id` des DECP). */
  readonly contractId: Scalars['String']['output'];
  readonly cpvCode: Scalars['String']['output'];
  readonly holders: ReadonlyArray<PublicContractHolder>;
  readonly id: Scalars['ID']['output'];
  readonly notifiedAt: Scalars['DateTime']['output'];
  readonly object: Scalars['String']['output'];
  /** Code du lieu d'exécution (commune ou code postal). */
  readonly placeCode: Scalars['String']['output'];
  readonly reserved: Scalars['Boolean']['output'];
  readonly socialClause: Scalars['Boolean']['output'];
  readonly socialCriterion: Scalars['Boolean']['output'];
};

/** Les chiffres d'un mois ou d'un acheteur. */
export type PublicContractGroup = {
  readonly __typename?: 'PublicContractGroup';
  readonly amount: Scalars['Float']['output'];
  readonly contracts: Scalars['Int']['output'];
  readonly essAmount: Scalars['Float']['output'];
  readonly essContracts: Scalars['Int']['output'];
  /** AAAA-MM pour un mois, SIRET pour un acheteur. */
  readonly key: Scalars['String']['output'];
  /** « mars 2026 », ou le nom de l'acheteur public (« Acheteur <SIRET> » s'il n'a pas de compte). */
  readonly label: Scalars['String']['output'];
  readonly reserved: Scalars['Int']['output'];
  readonly socialClause: Scalars['Int']['output'];
  readonly socialCriterion: Scalars['Int']['output'];
};

export type PublicContractHolder = {
  readonly __typename?: 'PublicContractHolder';
  readonly id: Scalars['String']['output'];
  /** SIRET, TVA, TAHITI, RIDET, FRWF, IREP ou HORS-UE. */
  readonly idType: Scalars['String']['output'];
  /** La structure de l'annuaire qui porte ce SIRET, s'il y en a une. */
  readonly supplier?: Maybe<Supplier>;
};

/** Les marchés publics des acheteurs du territoire (importés des DECP), notifiés sur la période. */
export type PublicContractStats = {
  readonly __typename?: 'PublicContractStats';
  /** Euros HT, montants notifiés (modifications ultérieures non comprises). */
  readonly amount: Scalars['Float']['output'];
  /** Par acheteur, le plus gros montant d'abord. */
  readonly byBuyer: ReadonlyArray<PublicContractGroup>;
  /** Par mois de notification (heure de Paris), mois sans marché omis. */
  readonly byMonth: ReadonlyArray<PublicContractGroup>;
  readonly contracts: Scalars['Int']['output'];
  readonly essAmount: Scalars['Float']['output'];
  /** Attribués à une structure de l'annuaire (n'importe quel cotraitant). */
  readonly essContracts: Scalars['Int']['output'];
  readonly reserved: Scalars['Int']['output'];
  readonly socialClause: Scalars['Int']['output'];
  readonly socialCriterion: Scalars['Int']['output'];
};

export type Query = {
  readonly __typename?: 'Query';
  /** Tout le monde : les communes françaises dont le nom (à partir de n'importe quel mot, sans tenir compte des accents) ou le code INSEE commence par `search`, celles de la Métropole d'abord ; `first` 10 par défaut, 50 au plus. */
  readonly communes: ReadonlyArray<Commune>;
  /** Tout ce que le service garde de votre compte et de votre organisation (profil, besoins, mises en relation), en un document JSON (RGPD : accès et portabilité). */
  readonly exportMyData: Scalars['String']['output'];
  /** Agents et administrateurs : les courriels abandonnés, le plus récent d'abord. */
  readonly failedMails: ReadonlyArray<OutboxMail>;
  /**
   * Agents et administrateurs. Une borne sans heure (2025-01-01) est un jour de calendrier à Paris, et `to`
   * inclut alors tout ce jour ; une date et heure est l'heure de Paris (2025-01-01T08:30:00) sauf si elle
   * porte un décalage (2025-01-01T08:30:00Z, …+01:00). Une date qui n'existe pas (2025-02-30) est refusée.
   */
  readonly impactStats: ImpactStats;
  /** Agents : un import lancé depuis la console. */
  readonly importJob?: Maybe<ImportJob>;
  /** Agents : les derniers imports lancés depuis la console, le plus récent d'abord. */
  readonly importJobs: ReadonlyArray<ImportJob>;
  /** Les trois jeux légaux de types d'inclusion exigés (marchés réservés ESAT/EA, SIAE ; achats OETH). */
  readonly inclusionKindPresets: ReadonlyArray<InclusionKindPreset>;
  /** Tout le monde, sans compte : ce que l'ESS pourrait prendre d'un achat (nombres par famille et recommandation). 120 demandes par minute au plus depuis une même adresse. */
  readonly inclusivePotential: InclusivePotential;
  /** Agents et administrateurs : les listes approuvées et envoyées (ou celles du statut donné), la plus récente d'abord. */
  readonly introductions: ShortlistConnection;
  /** Agents et administrateurs : les structures invitées et celles à appeler. */
  readonly invitationCampaign: InvitationCampaign;
  /** Agents et administrateurs : les structures classées pour un besoin, la meilleure d'abord. */
  readonly matchSuppliers: ReadonlyArray<SupplierMatch>;
  readonly me?: Maybe<User>;
  /** Les communes membres de la Métropole, par nom (pour les formulaires du site). */
  readonly metropoleCommunes: ReadonlyArray<Commune>;
  /** Structures (SUPPLIER) : les mises en relation reçues par leur structure, la plus récente d'abord. */
  readonly myIntroductions: ReadonlyArray<ReceivedIntroduction>;
  /** Tout le monde : les sous-classes NAF dont le code commence par `search`, puis celles dont le libellé répond à ses mots, dans l'ordre où on les entend : les libellés qui contiennent chacun des mots tels quels, puis ceux dont des mots commencent par eux, puis ceux qui n'en partagent que la racine ou un synonyme ; les libellés les plus courts d'abord à égalité. `first` 20 par défaut, 50 au plus. */
  readonly nafCodes: ReadonlyArray<NafCode>;
  /** Tout le monde : le libellé de chacun de ces codes NAF (50 au plus), dans l'ordre donné ; un code qui n'est pas une sous-classe connue est laissé de côté. */
  readonly nafCodesByCode: ReadonlyArray<NafCode>;
  readonly need?: Maybe<Need>;
  /**
   * Agents et administrateurs : tous les besoins, le plus récent d'abord. Entreprises : les leurs. Avec `filter`,
   * ceux dont le statut est l'un de ceux demandés et dont les mots (titre, description, entreprise, adresse)
   * contiennent le texte, non confirmés, retirés et clos compris.
   */
  readonly needs: NeedConnection;
  /** Agents et administrateurs : les besoins sans liste approuvée, ceux qui attendent depuis le plus longtemps d'abord (ni retirés, ni clos, ni en attente de confirmation). */
  readonly needsAwaitingShortlist: NeedConnection;
  /** Administrateurs : les agents et administrateurs, à qui confier un besoin. */
  readonly officers: ReadonlyArray<User>;
  /** Agents : les organisations, d'un type donné ou toutes (par nom). */
  readonly organisations: ReadonlyArray<Organisation>;
  /** Agents et administrateurs : chaque courriel que l'approbation enverrait, rendu exactement comme il le sera. */
  readonly previewIntroduction: ReadonlyArray<MailPreview>;
  /** Agents et administrateurs : les groupements pour un besoin, le meilleur d'abord (vide quand une structure suffit et qu'aucune n'apporte rien de plus). */
  readonly proposeGroupements: ReadonlyArray<Groupement>;
  /**
   * Les chiffres de commande publique sur [from, to) (bornes lues comme celles d'impactStats). Un acheteur public :
   * les siens (tous les établissements de son SIREN) ; les agents : ceux de `buyer` (SIRET ou SIREN), ou de tous.
   */
  readonly publicContractStats: PublicContractStats;
  /** Les marchés notifiés sur [from, to), mêmes droits que publicContractStats, du plus ancien au plus récent. */
  readonly publicContracts: ReadonlyArray<PublicContract>;
  readonly shortlist?: Maybe<Shortlist>;
  /** Les analyses de dépenses de votre organisation, la plus récente d'abord (agents : celles de l'organisation `organisationId`). */
  readonly spendAnalyses: ReadonlyArray<SpendAnalysis>;
  /** Une analyse, pour son organisation et les agents. */
  readonly spendAnalysis: SpendAnalysis;
  readonly supplier?: Maybe<Supplier>;
  /** Tout le monde : la structure de l'annuaire public à ce slug (le sien ou un ancien), null si aucune. */
  readonly supplierBySlug?: Maybe<Supplier>;
  /** Public directory (répertoire des entreprises ESS): no login needed. */
  readonly suppliers: SupplierConnection;
  /** Agents et administrateurs : les structures dont le type d'inclusion ou les labels déclarés attendent une confirmation, la plus ancienne demande d'abord. */
  readonly suppliersWithPendingChanges: ReadonlyArray<Supplier>;
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


export type QueryNafCodesByCodeArgs = {
  codes: ReadonlyArray<Scalars['String']['input']>;
};


export type QueryNeedArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NeedFilter>;
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


export type QuerySupplierBySlugArgs = {
  slug: Scalars['String']['input'];
};


export type QuerySuppliersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SupplierFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};

/** Une mise en relation reçue par la structure : le besoin de l'entreprise tel que son courriel le présentait, et sa réponse. */
export type ReceivedIntroduction = {
  readonly __typename?: 'ReceivedIntroduction';
  /** Le budget en français (par ex. « 5 000 à 10 000 € ») ; null quand l'entreprise n'en a pas donné. */
  readonly budget?: Maybe<Scalars['String']['output']>;
  readonly deadline?: Maybe<Scalars['DateTime']['output']>;
  readonly firmName: Scalars['String']['output'];
  /** Quand la Métropole a présenté la structure à l'entreprise (approbation de la liste). */
  readonly introducedAt: Scalars['DateTime']['output'];
  /** Ce que l'entreprise demande. */
  readonly needDescription: Scalars['String']['output'];
  readonly needTitle: Scalars['String']['output'];
  /** Où se trouve le besoin. */
  readonly place: Scalars['String']['output'];
  /** La réponse de la structure (la dernière compte) ; null tant qu'elle n'a pas répondu. */
  readonly response?: Maybe<SupplierResponse>;
  /** La liste de structures qui l'a présentée (ses liens de réponse la désignent aussi). */
  readonly shortlistId: Scalars['ID']['output'];
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
  readonly __typename?: 'ScoreBreakdown';
  readonly capacity: Scalars['Float']['output'];
  readonly labels: Scalars['Float']['output'];
  readonly location: Scalars['Float']['output'];
  readonly sector: Scalars['Float']['output'];
  readonly text: Scalars['Float']['output'];
};

/**
 * Les agents lisent toutes les listes ; l'entreprise du besoin lit les siennes une fois APPROVED ou SENT
 * (un brouillon est le travail en cours de la Métropole).
 */
export type Shortlist = {
  readonly __typename?: 'Shortlist';
  readonly approvedAt?: Maybe<Scalars['DateTime']['output']>;
  readonly createdAt: Scalars['DateTime']['output'];
  /** Vrai quand l'agent présente les structures comme un groupement possible (co-traitance) : le courriel de l'entreprise dit qui apporte quelle part. */
  readonly groupement: Scalars['Boolean']['output'];
  readonly id: Scalars['ID']['output'];
  readonly items: ReadonlyArray<ShortlistItem>;
  /** Agents et administrateurs : chaque courriel de la liste et son état d'envoi ; les présentations seules par défaut, les relances (FOLLOW_UP, REMINDER) si on les demande. */
  readonly mails: ReadonlyArray<OutboxMail>;
  /** Le message de l'agent qui approuve, pour l'entreprise. */
  readonly message?: Maybe<Scalars['String']['output']>;
  readonly need: Need;
  /** Pourquoi la proposition du moteur compte moins de structures que demandé (en français) ; null sinon. */
  readonly notice?: Maybe<Scalars['String']['output']>;
  /** Quand le dernier de ses courriels a été remis. */
  readonly sentAt?: Maybe<Scalars['DateTime']['output']>;
  readonly status: ShortlistStatus;
};


/**
 * Les agents lisent toutes les listes ; l'entreprise du besoin lit les siennes une fois APPROVED ou SENT
 * (un brouillon est le travail en cours de la Métropole).
 */
export type ShortlistMailsArgs = {
  kinds?: InputMaybe<ReadonlyArray<MailKind>>;
};

export type ShortlistConnection = {
  readonly __typename?: 'ShortlistConnection';
  readonly edges: ReadonlyArray<ShortlistEdge>;
  readonly pageInfo: PageInfo;
  readonly totalCount: Scalars['Int']['output'];
};

export type ShortlistEdge = {
  readonly __typename?: 'ShortlistEdge';
  readonly cursor: Scalars['String']['output'];
  readonly node: Shortlist;
};

export type ShortlistItem = {
  readonly __typename?: 'ShortlistItem';
  /** Agents et administrateurs : quand une liste approuvée plus tôt pour le même besoin a déjà présenté la structure ; null sinon. */
  readonly alreadyIntroducedAt?: Maybe<Scalars['DateTime']['output']>;
  /** La réponse de la structure (intéressée ou non), lisible par l'entreprise du besoin comme par les agents ; null tant qu'elle n'a pas répondu. Son commentaire reste adressé à la Métropole (response). */
  readonly answer?: Maybe<SupplierAnswer>;
  /** Quand la structure a donné cette réponse. */
  readonly answeredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Le mot de l'agent sur cette structure : l'entreprise et cette structure le lisent dans leurs courriels (la note interne du besoin n'est jamais envoyée). */
  readonly note?: Maybe<Scalars['String']['output']>;
  /** Null tant que l'entreprise ou un agent n'en a pas indiqué (listes approuvées seulement). */
  readonly outcome?: Maybe<Outcome>;
  /** Agents et administrateurs : la dérogation de l'agent quand une exigence du besoin écarte la structure ; null sinon. */
  readonly override?: Maybe<ShortlistOverride>;
  /** Faux quand un agent a ajouté la structure. */
  readonly proposedByMatcher: Scalars['Boolean']['output'];
  readonly rank: Scalars['Int']['output'];
  /** Toutes les raisons données par le moteur, en français (vide pour une structure qu'il n'a pas classée). Le courriel de l'entreprise ne montre que celles qui l'aident à choisir et, pour une structure ajoutée par un agent, la note de l'agent à la place. */
  readonly reasons: ReadonlyArray<Scalars['String']['output']>;
  /** Null tant que la structure n'a pas répondu (agents et administrateurs seulement : son commentaire leur est adressé). */
  readonly response?: Maybe<SupplierResponse>;
  readonly score?: Maybe<Scalars['Float']['output']>;
  readonly supplier: Supplier;
};

/** Une note sur une structure de la liste ; une note null ou vide l'efface. */
export type ShortlistNoteInput = {
  readonly note?: InputMaybe<Scalars['String']['input']>;
  readonly supplierId: Scalars['ID']['input'];
};

/** Une structure qu'une exigence du besoin écarte (type d'inclusion ou label exigé, hors zone), ajoutée malgré tout par un agent. */
export type ShortlistOverride = {
  readonly __typename?: 'ShortlistOverride';
  readonly at: Scalars['DateTime']['output'];
  /** L'exigence que la structure ne remplit pas, en français. */
  readonly constraint: Scalars['String']['output'];
  /** La raison donnée par l'agent. */
  readonly reason: Scalars['String']['output'];
};

/** La raison de présenter une structure qu'une exigence du besoin écarte (500 caractères au plus). */
export type ShortlistOverrideInput = {
  readonly reason: Scalars['String']['input'];
  readonly supplierId: Scalars['ID']['input'];
};

export type ShortlistStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'SENT';

/** Les dépenses d'un acheteur auprès de l'ESS, d'après le fichier des dépenses par fournisseur. Réservée à son organisation et aux agents. */
export type SpendAnalysis = {
  readonly __typename?: 'SpendAnalysis';
  readonly createdAt: Scalars['DateTime']['output'];
  /** L'analyse en CSV (totaux, lignes comptées, catégories sans ESS, lignes refusées) ; `excelFr` : points-virgules et virgules décimales, pour un tableur réglé en français. */
  readonly csv: Scalars['String']['output'];
  /** Dépenses auprès des structures de l'annuaire (rapprochées par SIRET, puis par SIREN). */
  readonly essAmount: Scalars['Float']['output'];
  /** Part des dépenses auprès de l'ESS, de 0 à 1. */
  readonly essShare: Scalars['Float']['output'];
  /** Les plus grosses catégories sans ESS, de la plus grosse à la plus petite (au plus 10). */
  readonly gaps: ReadonlyArray<SpendGap>;
  readonly id: Scalars['ID']['output'];
  /** Lignes comptées (sans les lignes refusées ni les doublons). */
  readonly lines: Scalars['Int']['output'];
  /** Pour une entreprise : la déduction OETH de ses achats auprès du secteur protégé, à partir des chiffres que le fichier ne donne pas ; null pour un acheteur public. */
  readonly oethDeduction?: Maybe<OethDeduction>;
  /** Dont auprès du secteur protégé (ESAT, EA, EATT). */
  readonly protectedAmount: Scalars['Float']['output'];
  /** Part auprès du secteur protégé, de 0 à 1. */
  readonly protectedShare: Scalars['Float']['output'];
  /** Vrai pour un acheteur public : ses achats auprès d'ESAT et d'EA ne comptent pour rien d'autre (pas de déduction OETH calculée). */
  readonly publicBuyer: Scalars['Boolean']['output'];
  readonly refusals: ReadonlyArray<SpendRefusal>;
  /** Dont auprès des SIAE (ACI, AI, EI, ETTI, EITI) et des GEIQ. */
  readonly siaeAmount: Scalars['Float']['output'];
  /** Part auprès des SIAE, de 0 à 1. */
  readonly siaeShare: Scalars['Float']['output'];
  readonly totalAmount: Scalars['Float']['output'];
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
  readonly __typename?: 'SpendGap';
  /** Montant dépensé dans cette catégorie, en euros. */
  readonly amount: Scalars['Float']['output'];
  /** La catégorie du fichier, ou à défaut le code NAF du fournisseur et son libellé. */
  readonly category: Scalars['String']['output'];
  /** Ce que l'ESS de la Métropole pourrait prendre de cette catégorie (autour de Rouen, pour son montant), comme `inclusivePotential`. */
  readonly potential: InclusivePotential;
  /** Structures éligibles de ce métier proposées par l'outil de rapprochement au moment de l'analyse (au plus 3). */
  readonly suggestions: ReadonlyArray<Supplier>;
};

/** Une ligne du fichier de dépenses qui n'a pas été comptée, et pourquoi (illisible, incomplète, en double). */
export type SpendRefusal = {
  readonly __typename?: 'SpendRefusal';
  /** Numéro de la ligne dans le fichier (l'en-tête est la ligne 1). */
  readonly line: Scalars['Int']['output'];
  readonly reason: Scalars['String']['output'];
};

export type Supplier = {
  readonly __typename?: 'Supplier';
  /** Agents et administrateurs (null pour les autres) : le journal des accès à cette structure, le plus récent d'abord. */
  readonly accountEvents?: Maybe<ReadonlyArray<AccountEvent>>;
  readonly commune: Commune;
  /** Combien la fiche est complète ; « fiche en cours de complétion » sur le site public en dessous de 100 %. */
  readonly completeness: Completeness;
  /** Null sauf pour un agent, un administrateur, la structure elle-même, ou une entreprise qui la lit dans sa propre liste de mises en relation approuvée ou envoyée. */
  readonly contactEmail?: Maybe<Scalars['String']['output']>;
  /** Agents et administrateurs (null pour les autres) : les autres structures en activité qui donnent la même adresse de contact. Tant que chacune n'a pas la sienne, personne ne peut se connecter par lien avec cette adresse. */
  readonly contactSharedWith?: Maybe<ReadonlyArray<Supplier>>;
  /** La dernière décision sur une déclaration de la structure (agents et la structure elle-même) ; null avant toute décision. */
  readonly declarationReview?: Maybe<SupplierDeclarationReview>;
  readonly description: Scalars['String']['output'];
  readonly employees?: Maybe<Scalars['Int']['output']>;
  /** La structure elle-même et les agents (null pour les autres) : vrai quand elle a refusé toutes les relances de ses mises en relation. */
  readonly followUpsOff?: Maybe<Scalars['Boolean']['output']>;
  readonly id: Scalars['ID']['output'];
  readonly inclusionKind?: Maybe<InclusionKind>;
  readonly interventionRadiusKm?: Maybe<Scalars['Int']['output']>;
  /** Agents et administrateurs (null pour les autres, et pour une structure jamais invitée) : où en est son invitation à compléter sa fiche. */
  readonly invitation?: Maybe<SupplierInvitation>;
  readonly labels: ReadonlyArray<Scalars['String']['output']>;
  readonly legalForm: LegalForm;
  /** Où la structure est basée : son adresse géocodée, sinon le centre de sa commune ; null si inconnu. */
  readonly location?: Maybe<GeoPoint>;
  readonly maxContractValue?: Maybe<Scalars['Int']['output']>;
  readonly nafCodes: ReadonlyArray<Scalars['String']['output']>;
  readonly name: Scalars['String']['output'];
  /** Agents et administrateurs, et la structure elle-même (null pour les autres) : ce qu'elle a déclaré et qui attend d'être confirmé. */
  readonly pendingChanges?: Maybe<SupplierPendingChanges>;
  /** La structure elle-même, agents et administrateurs (null pour les autres) : les mots que les entreprises ont employés dans les besoins de son secteur des douze derniers mois et que son profil n'emploie pas, les plus fréquents d'abord ; seuls comptent les mots écrits par au moins trois entreprises distinctes, chacune ayant un compte ou dont un agent a enregistré le besoin (une entreprise compte une fois, sous son nom) ; les besoins déposés sans compte ne comptent jamais, quel que soit le nom qu'ils donnent. */
  readonly searchHints?: Maybe<ReadonlyArray<Scalars['String']['output']>>;
  readonly services: ReadonlyArray<Scalars['String']['output']>;
  readonly siret?: Maybe<Scalars['String']['output']>;
  /** Sa page publique est /structures/<slug> : son nom puis le début de son identifiant (deux homonymes n'ont jamais le même). Un ancien slug (la structure a changé de nom depuis) mène encore à sa page. */
  readonly slug: Scalars['String']['output'];
  /** Agents et administrateurs (null pour les autres) : les personnes qui agissent pour cette structure. */
  readonly users?: Maybe<ReadonlyArray<User>>;
  readonly website?: Maybe<Scalars['String']['output']>;
};

export type SupplierAnswer =
  | 'INTERESTED'
  | 'NOT_AVAILABLE';

export type SupplierConnection = {
  readonly __typename?: 'SupplierConnection';
  readonly edges: ReadonlyArray<SupplierEdge>;
  readonly facets: DirectoryFacets;
  readonly pageInfo: PageInfo;
  /** Ce que la recherche a compris du filtre (texte et communes). */
  readonly reading: DirectoryReading;
  readonly totalCount: Scalars['Int']['output'];
};

/** La dernière décision d'un agent sur ce que la structure a déclaré d'elle-même. */
export type SupplierDeclarationReview = {
  readonly __typename?: 'SupplierDeclarationReview';
  readonly approved: Scalars['Boolean']['output'];
  /** Ce que la structure avait déclaré. */
  readonly inclusionKind?: Maybe<InclusionKind>;
  readonly labels: ReadonlyArray<Scalars['String']['output']>;
  /** Pourquoi la déclaration n'est pas retenue (toujours donné alors), ou le mot de l'agent sur sa confirmation. */
  readonly reason?: Maybe<Scalars['String']['output']>;
  readonly reviewedAt: Scalars['DateTime']['output'];
};

export type SupplierEdge = {
  readonly __typename?: 'SupplierEdge';
  readonly cursor: Scalars['String']['output'];
  readonly node: Supplier;
};

export type SupplierFilter = {
  /** Code INSEE : les structures dont le siège est dans cette commune (pour celles qui peuvent y intervenir : servesCommuneCode). */
  readonly communeCode?: InputMaybe<Scalars['String']['input']>;
  /** Agents et administrateurs : seules les fiches complètes à moins de ce pourcentage (1 à 100 ; 100 : les fiches à compléter). */
  readonly completenessBelow?: InputMaybe<Scalars['Int']['input']>;
  /** Agents et administrateurs : true, seules les fiches qui ont une adresse de contact ; false, celles qui n'en ont pas. */
  readonly hasContactEmail?: InputMaybe<Scalars['Boolean']['input']>;
  /** Les structures de l'un de ces types d'inclusion (valeurs confirmées par la Métropole). */
  readonly inclusionKinds?: InputMaybe<ReadonlyArray<InclusionKind>>;
  /** Labels : la structure doit les avoir tous. */
  readonly labels?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Les structures de l'une de ces formes juridiques. */
  readonly legalForms?: InputMaybe<ReadonlyArray<LegalForm>>;
  /** Préfixe de code NAF, par ex. « 81 » ou « 81.30 ». */
  readonly nafPrefix?: InputMaybe<Scalars['String']['input']>;
  /** Agents et administrateurs : true, seules les structures dont le contact ne s'est jamais connecté ; false, celles dont il s'est connecté. */
  readonly neverSignedIn?: InputMaybe<Scalars['Boolean']['input']>;
  /** false : le texte est cherché tel que saisi, sans y reconnaître de commune (« Chercher « rouen » comme un mot ») ; absent ou true : une commune nommée dans le texte vaut servesCommuneCode (voir text). */
  readonly readPlaces?: InputMaybe<Scalars['Boolean']['input']>;
  /** Code INSEE : seules les structures qui peuvent y intervenir (la commune est dans leur rayon d'intervention). */
  readonly servesCommuneCode?: InputMaybe<Scalars['String']['input']>;
  /** Recherche en texte libre dans le nom, la description et les prestations. Une commune de la Métropole ou du département nommée dans le texte (« espaces verts Rouen ») vaut servesCommuneCode quand il n'est pas donné, et ses mots sont retirés du texte (voir SupplierConnection.reading). Le dernier mot, s’il n’est pas suivi d’une espace, vaut aussi pour les mots qu’il commence (3 lettres au moins) : « recyc » trouve « recyclerie » ; s’il est lui-même un mot (« bois »), les structures qui l’emploient restent en tête. */
  readonly text?: InputMaybe<Scalars['String']['input']>;
};

export type SupplierInput = {
  /** Code INSEE de la commune où la structure est basée. */
  readonly communeCode: Scalars['String']['input'];
  /** Adresse de contact ; privée : lue par les agents et par la structure elle-même seulement. */
  readonly contactEmail: Scalars['String']['input'];
  /** Texte libre en français : ce que propose la structure (sert au rapprochement). */
  readonly description: Scalars['String']['input'];
  /** Effectif (salariés et travailleurs accompagnés). */
  readonly employees?: InputMaybe<Scalars['Int']['input']>;
  /** Type de structure d'inclusion, s'il y a lieu ; déclaré par la structure elle-même, il attend la confirmation d'un agent. */
  readonly inclusionKind?: InputMaybe<InclusionKind>;
  /** Rayon d'intervention autour de sa base, en kilomètres. */
  readonly interventionRadiusKm?: InputMaybe<Scalars['Int']['input']>;
  /** Labels, pris dans la liste connue, par ex. « RGE », « ISO 9001 », « QUALIOPI », « ECOCERT » ; un label inconnu est refusé avec les noms proches. */
  readonly labels?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Lieu exact de la base, quand l'appelant a géocodé une adresse (avec longitude) ; sinon le centre de la commune. */
  readonly latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Forme juridique de l'ESS. */
  readonly legalForm: LegalForm;
  /** Voir latitude : les deux vont ensemble. */
  readonly longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Le plus gros marché qu'elle peut prendre, en euros. */
  readonly maxContractValue?: InputMaybe<Scalars['Int']['input']>;
  /** Codes NAF rév. 2, par ex. « 81.30Z » (10 au plus). */
  readonly nafCodes?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Nom de la structure (200 caractères au plus). */
  readonly name: Scalars['String']['input'];
  /** Prestations, en phrases courtes (120 caractères au plus chacune, 30 au plus). */
  readonly services?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** SIRET : 14 chiffres, clé de contrôle vérifiée. */
  readonly siret?: InputMaybe<Scalars['String']['input']>;
  /** Site web, en http(s)://. */
  readonly website?: InputMaybe<Scalars['String']['input']>;
};

/** Où en est l'invitation d'une structure à revendiquer et compléter sa fiche. */
export type SupplierInvitation = {
  readonly __typename?: 'SupplierInvitation';
  /** Quand la fiche est devenue complète après l'invitation. */
  readonly completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Quand un agent l'a invitée. */
  readonly invitedAt: Scalars['DateTime']['output'];
  /** Pourquoi l'invitation ou son rappel n'est pas parti, s'il ne l'est pas. */
  readonly notSent?: Maybe<Scalars['String']['output']>;
  /** La structure a demandé à ne plus recevoir de rappel. */
  readonly optedOut: Scalars['Boolean']['output'];
  /** Quand le rappel a été remis ; null s'il ne l'est pas (pas encore dû, ou inutile). */
  readonly remindedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Quand l'invitation a été remise au serveur de courrier ; null tant qu'elle ne l'est pas. */
  readonly sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** La première connexion de son contact (la fiche est alors revendiquée). */
  readonly signedInAt?: Maybe<Scalars['DateTime']['output']>;
};

export type SupplierMatch = {
  readonly __typename?: 'SupplierMatch';
  readonly breakdown: ScoreBreakdown;
  /** Faux quand une exigence stricte n'est pas remplie (label exigé manquant, base bien au-delà de son rayon, type d'inclusion exigé). */
  readonly eligible: Scalars['Boolean']['output'];
  /** Phrases courtes en français qui expliquent le score. */
  readonly reasons: ReadonlyArray<Scalars['String']['output']>;
  /** Faux quand la structure exerce un autre métier que celui du besoin (pertinence du texte et du secteur sous le seuil) : classée après celles du métier, jamais proposée dans une sélection. */
  readonly relevant: Scalars['Boolean']['output'];
  readonly score: Scalars['Float']['output'];
  readonly supplier: Supplier;
};

/**
 * Ce qu'une structure a déclaré d'elle-même (type de structure d'inclusion, labels), en attente de la
 * confirmation d'un agent : les valeurs du profil, qu'utilisent le rapprochement et l'annuaire, restent
 * les valeurs confirmées. Les deux valeurs sont celles qu'aurait la structure une fois confirmée.
 */
export type SupplierPendingChanges = {
  readonly __typename?: 'SupplierPendingChanges';
  readonly inclusionKind?: Maybe<InclusionKind>;
  readonly labels: ReadonlyArray<Scalars['String']['output']>;
  readonly requestedAt: Scalars['DateTime']['output'];
};

/** La réponse d'une structure à sa mise en relation, donnée par le lien de son courriel ou par un agent. */
export type SupplierResponse = {
  readonly __typename?: 'SupplierResponse';
  readonly answer: SupplierAnswer;
  readonly answeredAt: Scalars['DateTime']['output'];
  readonly comment?: Maybe<Scalars['String']['output']>;
};

/**
 * Seuls les champs donnés changent ; null efface un champ facultatif. Une liste donnée (services, nafCodes,
 * labels) remplace toute la liste enregistrée : pour ajouter un label, renvoyez la liste complète.
 * Donnés par la structure elle-même, inclusionKind et labels restent en attente (Supplier.pendingChanges)
 * jusqu'à ce qu'un agent de la Métropole les confirme.
 */
export type SupplierUpdateInput = {
  readonly communeCode?: InputMaybe<Scalars['String']['input']>;
  readonly contactEmail?: InputMaybe<Scalars['String']['input']>;
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** Agents : quand contactEmail change, l'ancien contact cesse d'agir pour la structure (oui par défaut). */
  readonly detachPreviousContact?: InputMaybe<Scalars['Boolean']['input']>;
  readonly employees?: InputMaybe<Scalars['Int']['input']>;
  readonly inclusionKind?: InputMaybe<InclusionKind>;
  readonly interventionRadiusKm?: InputMaybe<Scalars['Int']['input']>;
  readonly labels?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  readonly latitude?: InputMaybe<Scalars['Float']['input']>;
  readonly legalForm?: InputMaybe<LegalForm>;
  readonly longitude?: InputMaybe<Scalars['Float']['input']>;
  readonly maxContractValue?: InputMaybe<Scalars['Int']['input']>;
  readonly nafCodes?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  readonly name?: InputMaybe<Scalars['String']['input']>;
  readonly services?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  readonly siret?: InputMaybe<Scalars['String']['input']>;
  readonly website?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  readonly __typename?: 'User';
  /** L'agent lui-même (null pour les autres) : vrai quand il reçoit le récapitulatif quotidien par courriel. */
  readonly dailyDigest?: Maybe<Scalars['Boolean']['output']>;
  readonly email: Scalars['String']['output'];
  readonly id: Scalars['ID']['output'];
  /** Son organisation (à lui-même et aux agents). */
  readonly organisation?: Maybe<Organisation>;
  readonly role: Role;
  /** La structure que tient cet utilisateur (utilisateurs SUPPLIER, pour eux-mêmes seulement) ; null sinon. */
  readonly supplier?: Maybe<Supplier>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccountAction: AccountAction;
  AccountEvent: ResolverTypeWrapper<AccountEventRecord>;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['User'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Commune: ResolverTypeWrapper<Commune>;
  CommuneCount: ResolverTypeWrapper<CommuneCount>;
  Completeness: ResolverTypeWrapper<Completeness>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DirectoryFacets: ResolverTypeWrapper<DirectoryFacets>;
  DirectoryReading: ResolverTypeWrapper<DirectoryReading>;
  FacetCount: ResolverTypeWrapper<FacetCount>;
  FamilyPotential: ResolverTypeWrapper<FamilyPotential>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Groupement: ResolverTypeWrapper<Omit<Groupement, 'members'> & { members: ReadonlyArray<ResolversTypes['SupplierMatch']> }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImpactStats: ResolverTypeWrapper<ImpactStatsView>;
  ImportFormat: ImportFormat;
  ImportJob: ResolverTypeWrapper<ImportJobView>;
  ImportReasonCount: ResolverTypeWrapper<ImportReasonCount>;
  ImportRefusal: ResolverTypeWrapper<ImportRefusal>;
  ImportState: ImportState;
  ImportUpload: ResolverTypeWrapper<ImportUpload>;
  ImportUploadFile: ResolverTypeWrapper<ImportUploadFile>;
  InclusionFamily: InclusionFamily;
  InclusionKind: InclusionKind;
  InclusionKindCount: ResolverTypeWrapper<InclusionKindCount>;
  InclusionKindPreset: ResolverTypeWrapper<InclusionKindPreset>;
  InclusivePotential: ResolverTypeWrapper<InclusivePotential>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InvitationBatch: ResolverTypeWrapper<Omit<InvitationBatch, 'withoutAddress'> & { withoutAddress: ReadonlyArray<ResolversTypes['Supplier']> }>;
  InvitationCampaign: ResolverTypeWrapper<Omit<InvitationCampaign, 'invited' | 'withoutAddress'> & { invited: ReadonlyArray<ResolversTypes['Supplier']>, withoutAddress: ReadonlyArray<ResolversTypes['Supplier']> }>;
  LegalForm: LegalForm;
  MailKind: MailKind;
  MailPreview: ResolverTypeWrapper<MailPreview>;
  MailRecipient: MailRecipient;
  MailState: MailState;
  MonthAmount: ResolverTypeWrapper<MonthAmount>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NafCode: ResolverTypeWrapper<NafCode>;
  Need: ResolverTypeWrapper<NeedRecord>;
  NeedAssignment: ResolverTypeWrapper<Omit<NeedAssignment, 'officer'> & { officer: ResolversTypes['User'] }>;
  NeedConnection: ResolverTypeWrapper<Omit<NeedConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['NeedEdge']> }>;
  NeedEdge: ResolverTypeWrapper<Omit<NeedEdge, 'node'> & { node: ResolversTypes['Need'] }>;
  NeedFilter: NeedFilter;
  NeedInput: NeedInput;
  NeedKind: NeedKind;
  NeedKindCount: ResolverTypeWrapper<NeedKindCount>;
  NeedStatus: NeedStatus;
  NeedUpdateInput: NeedUpdateInput;
  OethDeduction: ResolverTypeWrapper<OethDeduction>;
  Organisation: ResolverTypeWrapper<OrganisationRecord>;
  OrganisationKind: OrganisationKind;
  OutboxMail: ResolverTypeWrapper<OutboxRecord>;
  Outcome: ResolverTypeWrapper<Outcome>;
  OutcomeCount: ResolverTypeWrapper<OutcomeCount>;
  OutcomeStatus: OutcomeStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PotentialInput: PotentialInput;
  PublicContract: ResolverTypeWrapper<Omit<PublicContract, 'holders'> & { holders: ReadonlyArray<ResolversTypes['PublicContractHolder']> }>;
  PublicContractGroup: ResolverTypeWrapper<PublicContractGroup>;
  PublicContractHolder: ResolverTypeWrapper<Omit<PublicContractHolder, 'supplier'> & { supplier?: Maybe<ResolversTypes['Supplier']> }>;
  PublicContractStats: ResolverTypeWrapper<PublicContractStats>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReceivedIntroduction: ResolverTypeWrapper<ReceivedIntroduction>;
  Role: Role;
  ScoreBreakdown: ResolverTypeWrapper<ScoreBreakdown>;
  Shortlist: ResolverTypeWrapper<ShortlistRecord>;
  ShortlistConnection: ResolverTypeWrapper<Omit<ShortlistConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['ShortlistEdge']> }>;
  ShortlistEdge: ResolverTypeWrapper<Omit<ShortlistEdge, 'node'> & { node: ResolversTypes['Shortlist'] }>;
  ShortlistItem: ResolverTypeWrapper<ShortlistItemView>;
  ShortlistNoteInput: ShortlistNoteInput;
  ShortlistOverride: ResolverTypeWrapper<ShortlistOverride>;
  ShortlistOverrideInput: ShortlistOverrideInput;
  ShortlistStatus: ShortlistStatus;
  SpendAnalysis: ResolverTypeWrapper<SpendAnalysisRecord>;
  SpendGap: ResolverTypeWrapper<SpendGapRecord>;
  SpendRefusal: ResolverTypeWrapper<SpendRefusal>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Supplier: ResolverTypeWrapper<ListedSupplier>;
  SupplierAnswer: SupplierAnswer;
  SupplierConnection: ResolverTypeWrapper<DirectoryPage>;
  SupplierDeclarationReview: ResolverTypeWrapper<SupplierDeclarationReview>;
  SupplierEdge: ResolverTypeWrapper<Omit<SupplierEdge, 'node'> & { node: ResolversTypes['Supplier'] }>;
  SupplierFilter: SupplierFilter;
  SupplierInput: SupplierInput;
  SupplierInvitation: ResolverTypeWrapper<SupplierInvitation>;
  SupplierMatch: ResolverTypeWrapper<Omit<SupplierMatch, 'supplier'> & { supplier: ResolversTypes['Supplier'] }>;
  SupplierPendingChanges: ResolverTypeWrapper<SupplierPendingChanges>;
  SupplierResponse: ResolverTypeWrapper<SupplierResponse>;
  SupplierUpdateInput: SupplierUpdateInput;
  User: ResolverTypeWrapper<UserRecord>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccountEvent: AccountEventRecord;
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['User'] };
  Boolean: Scalars['Boolean']['output'];
  Commune: Commune;
  CommuneCount: CommuneCount;
  Completeness: Completeness;
  DateTime: Scalars['DateTime']['output'];
  DirectoryFacets: DirectoryFacets;
  DirectoryReading: DirectoryReading;
  FacetCount: FacetCount;
  FamilyPotential: FamilyPotential;
  Float: Scalars['Float']['output'];
  GeoPoint: GeoPoint;
  Groupement: Omit<Groupement, 'members'> & { members: ReadonlyArray<ResolversParentTypes['SupplierMatch']> };
  ID: Scalars['ID']['output'];
  ImpactStats: ImpactStatsView;
  ImportJob: ImportJobView;
  ImportReasonCount: ImportReasonCount;
  ImportRefusal: ImportRefusal;
  ImportUpload: ImportUpload;
  ImportUploadFile: ImportUploadFile;
  InclusionKindCount: InclusionKindCount;
  InclusionKindPreset: InclusionKindPreset;
  InclusivePotential: InclusivePotential;
  Int: Scalars['Int']['output'];
  InvitationBatch: Omit<InvitationBatch, 'withoutAddress'> & { withoutAddress: ReadonlyArray<ResolversParentTypes['Supplier']> };
  InvitationCampaign: Omit<InvitationCampaign, 'invited' | 'withoutAddress'> & { invited: ReadonlyArray<ResolversParentTypes['Supplier']>, withoutAddress: ReadonlyArray<ResolversParentTypes['Supplier']> };
  MailPreview: MailPreview;
  MonthAmount: MonthAmount;
  Mutation: Record<PropertyKey, never>;
  NafCode: NafCode;
  Need: NeedRecord;
  NeedAssignment: Omit<NeedAssignment, 'officer'> & { officer: ResolversParentTypes['User'] };
  NeedConnection: Omit<NeedConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['NeedEdge']> };
  NeedEdge: Omit<NeedEdge, 'node'> & { node: ResolversParentTypes['Need'] };
  NeedFilter: NeedFilter;
  NeedInput: NeedInput;
  NeedKindCount: NeedKindCount;
  NeedUpdateInput: NeedUpdateInput;
  OethDeduction: OethDeduction;
  Organisation: OrganisationRecord;
  OutboxMail: OutboxRecord;
  Outcome: Outcome;
  OutcomeCount: OutcomeCount;
  PageInfo: PageInfo;
  PotentialInput: PotentialInput;
  PublicContract: Omit<PublicContract, 'holders'> & { holders: ReadonlyArray<ResolversParentTypes['PublicContractHolder']> };
  PublicContractGroup: PublicContractGroup;
  PublicContractHolder: Omit<PublicContractHolder, 'supplier'> & { supplier?: Maybe<ResolversParentTypes['Supplier']> };
  PublicContractStats: PublicContractStats;
  Query: Record<PropertyKey, never>;
  ReceivedIntroduction: ReceivedIntroduction;
  ScoreBreakdown: ScoreBreakdown;
  Shortlist: ShortlistRecord;
  ShortlistConnection: Omit<ShortlistConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['ShortlistEdge']> };
  ShortlistEdge: Omit<ShortlistEdge, 'node'> & { node: ResolversParentTypes['Shortlist'] };
  ShortlistItem: ShortlistItemView;
  ShortlistNoteInput: ShortlistNoteInput;
  ShortlistOverride: ShortlistOverride;
  ShortlistOverrideInput: ShortlistOverrideInput;
  SpendAnalysis: SpendAnalysisRecord;
  SpendGap: SpendGapRecord;
  SpendRefusal: SpendRefusal;
  String: Scalars['String']['output'];
  Supplier: ListedSupplier;
  SupplierConnection: DirectoryPage;
  SupplierDeclarationReview: SupplierDeclarationReview;
  SupplierEdge: Omit<SupplierEdge, 'node'> & { node: ResolversParentTypes['Supplier'] };
  SupplierFilter: SupplierFilter;
  SupplierInput: SupplierInput;
  SupplierInvitation: SupplierInvitation;
  SupplierMatch: Omit<SupplierMatch, 'supplier'> & { supplier: ResolversParentTypes['Supplier'] };
  SupplierPendingChanges: SupplierPendingChanges;
  SupplierResponse: SupplierResponse;
  SupplierUpdateInput: SupplierUpdateInput;
  User: UserRecord;
};

export type AccountEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccountEvent'] = ResolversParentTypes['AccountEvent']> = {
  action?: Resolver<ResolversTypes['AccountAction'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuthPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type CommuneResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Commune'] = ResolversParentTypes['Commune']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  departement?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CommuneCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommuneCount'] = ResolversParentTypes['CommuneCount']> = {
  commune?: Resolver<ResolversTypes['Commune'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CompletenessResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Completeness'] = ResolversParentTypes['Completeness']> = {
  missing?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  missingLabels?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DirectoryFacetsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DirectoryFacets'] = ResolversParentTypes['DirectoryFacets']> = {
  communes?: Resolver<ReadonlyArray<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  inclusionKinds?: Resolver<ReadonlyArray<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  labels?: Resolver<ReadonlyArray<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  legalForms?: Resolver<ReadonlyArray<ResolversTypes['FacetCount']>, ParentType, ContextType>;
};

export type DirectoryReadingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DirectoryReading'] = ResolversParentTypes['DirectoryReading']> = {
  headOfficeCommune?: Resolver<Maybe<ResolversTypes['Commune']>, ParentType, ContextType>;
  servesCommune?: Resolver<Maybe<ResolversTypes['Commune']>, ParentType, ContextType>;
  servesCommuneFromText?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  servesCommuneTyped?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type FacetCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FacetCount'] = ResolversParentTypes['FacetCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FamilyPotentialResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FamilyPotential'] = ResolversParentTypes['FamilyPotential']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  family?: Resolver<ResolversTypes['InclusionFamily'], ParentType, ContextType>;
  groupementOnly?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type GroupementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Groupement'] = ResolversParentTypes['Groupement']> = {
  members?: Resolver<ReadonlyArray<ResolversTypes['SupplierMatch']>, ParentType, ContextType>;
  reasons?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ImpactStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImpactStats'] = ResolversParentTypes['ImpactStats']> = {
  amountWon?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  amountWonByMonth?: Resolver<ReadonlyArray<ResolversTypes['MonthAmount']>, ParentType, ContextType>;
  conversionRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  csv?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ImpactStatsCsvArgs, 'excelFr'>>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  insertionHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  interestedAnswers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  interestedRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  introductions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  introductionsByCommune?: Resolver<ReadonlyArray<ResolversTypes['CommuneCount']>, ParentType, ContextType>;
  introductionsByInclusionKind?: Resolver<ReadonlyArray<ResolversTypes['InclusionKindCount']>, ParentType, ContextType>;
  introductionsOutsideMetropole?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  needsByKind?: Resolver<ReadonlyArray<ResolversTypes['NeedKindCount']>, ParentType, ContextType>;
  needsPosted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outcomes?: Resolver<ReadonlyArray<ResolversTypes['OutcomeCount']>, ParentType, ContextType>;
  profilesClaimed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  profilesCompleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  publicContracts?: Resolver<ResolversTypes['PublicContractStats'], ParentType, ContextType>;
  shortlistsApproved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shortlistsSent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  structuresByCommune?: Resolver<ReadonlyArray<ResolversTypes['CommuneCount']>, ParentType, ContextType>;
  structuresByInclusionKind?: Resolver<ReadonlyArray<ResolversTypes['InclusionKindCount']>, ParentType, ContextType>;
  structuresIntroduced?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  structuresOutsideMetropole?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ImportJobResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportJob'] = ResolversParentTypes['ImportJob']> = {
  bytesRead?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bytesTotal?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['ImportFormat'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ignored?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ignoredReasons?: Resolver<ReadonlyArray<ResolversTypes['ImportReasonCount']>, ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refusals?: Resolver<ReadonlyArray<ResolversTypes['ImportRefusal']>, ParentType, ContextType, Partial<ImportJobRefusalsArgs>>;
  refused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reportCsv?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ImportState'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uploadId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ImportReasonCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportReasonCount'] = ResolversParentTypes['ImportReasonCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportRefusalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportRefusal'] = ResolversParentTypes['ImportRefusal']> = {
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  siret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportUploadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportUpload'] = ResolversParentTypes['ImportUpload']> = {
  files?: Resolver<ReadonlyArray<ResolversTypes['ImportUploadFile']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ImportUploadFileResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportUploadFile'] = ResolversParentTypes['ImportUploadFile']> = {
  bytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InclusionKindCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InclusionKindCount'] = ResolversParentTypes['InclusionKindCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inclusionKind?: Resolver<Maybe<ResolversTypes['InclusionKind']>, ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InclusionKindPresetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InclusionKindPreset'] = ResolversParentTypes['InclusionKindPreset']> = {
  basis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kinds?: Resolver<ReadonlyArray<ResolversTypes['InclusionKind']>, ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InclusivePotentialResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InclusivePotential'] = ResolversParentTypes['InclusivePotential']> = {
  families?: Resolver<ReadonlyArray<ResolversTypes['FamilyPotential']>, ParentType, ContextType>;
  recommendation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InvitationBatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvitationBatch'] = ResolversParentTypes['InvitationBatch']> = {
  alreadyInvited?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  invited?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withoutAddress?: Resolver<ReadonlyArray<ResolversTypes['Supplier']>, ParentType, ContextType>;
};

export type InvitationCampaignResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvitationCampaign'] = ResolversParentTypes['InvitationCampaign']> = {
  invited?: Resolver<ReadonlyArray<ResolversTypes['Supplier']>, ParentType, ContextType>;
  withoutAddress?: Resolver<ReadonlyArray<ResolversTypes['Supplier']>, ParentType, ContextType>;
};

export type MailPreviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MailPreview'] = ResolversParentTypes['MailPreview']> = {
  fingerprint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  html?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MonthAmountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MonthAmount'] = ResolversParentTypes['MonthAmount']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  analyseSpend: Resolver<ResolversTypes['SpendAnalysis'], ParentType, ContextType, RequireFields<MutationAnalyseSpendArgs, 'csv'>>;
  answerIntroduction: Resolver<ResolversTypes['ReceivedIntroduction'], ParentType, ContextType, RequireFields<MutationAnswerIntroductionArgs, 'answer' | 'shortlistId'>>;
  approveShortlist: Resolver<ResolversTypes['Shortlist'], ParentType, ContextType, RequireFields<MutationApproveShortlistArgs, 'id'>>;
  assignNeed: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationAssignNeedArgs, 'needId'>>;
  cancelImport: Resolver<ResolversTypes['ImportJob'], ParentType, ContextType, RequireFields<MutationCancelImportArgs, 'id'>>;
  closeNeed: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationCloseNeedArgs, 'id'>>;
  confirmMyNeed: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationConfirmMyNeedArgs, 'id'>>;
  createSupplier: Resolver<ResolversTypes['Supplier'], ParentType, ContextType, RequireFields<MutationCreateSupplierArgs, 'input'>>;
  deleteMyAccount: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteMyAccountArgs, 'confirm'>>;
  deleteSpendAnalysis: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteSpendAnalysisArgs, 'id'>>;
  deleteSupplier: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteSupplierArgs, 'id'>>;
  detachUser: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDetachUserArgs, 'userId'>>;
  draftShortlist: Resolver<ResolversTypes['Shortlist'], ParentType, ContextType, RequireFields<MutationDraftShortlistArgs, 'needId'>>;
  inviteSuppliers: Resolver<ResolversTypes['InvitationBatch'], ParentType, ContextType, RequireFields<MutationInviteSuppliersArgs, 'supplierIds'>>;
  login: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  postNeed: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationPostNeedArgs, 'input'>>;
  recordOutcome: Resolver<ResolversTypes['ShortlistItem'], ParentType, ContextType, RequireFields<MutationRecordOutcomeArgs, 'shortlistId' | 'status' | 'supplierId'>>;
  recordSupplierAnswer: Resolver<ResolversTypes['ShortlistItem'], ParentType, ContextType, RequireFields<MutationRecordSupplierAnswerArgs, 'answer' | 'shortlistId' | 'supplierId'>>;
  releaseNeed: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationReleaseNeedArgs, 'needId'>>;
  requestAccessLink: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestAccessLinkArgs, 'email'>>;
  retryMail: Resolver<ResolversTypes['OutboxMail'], ParentType, ContextType, RequireFields<MutationRetryMailArgs, 'id'>>;
  reviewSupplierChanges: Resolver<ResolversTypes['Supplier'], ParentType, ContextType, RequireFields<MutationReviewSupplierChangesArgs, 'approve' | 'id' | 'requestedAt'>>;
  runImport: Resolver<ResolversTypes['ImportJob'], ParentType, ContextType, RequireFields<MutationRunImportArgs, 'dryRun' | 'format' | 'uploadId'>>;
  setDailyDigest: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationSetDailyDigestArgs, 'enabled'>>;
  setMyFollowUps: Resolver<ResolversTypes['Supplier'], ParentType, ContextType, RequireFields<MutationSetMyFollowUpsArgs, 'enabled'>>;
  setOrganisationKind: Resolver<ResolversTypes['Organisation'], ParentType, ContextType, RequireFields<MutationSetOrganisationKindArgs, 'kind' | 'organisationId'>>;
  signInWithLink: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignInWithLinkArgs, 'token'>>;
  updateNeed: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationUpdateNeedArgs, 'id' | 'input'>>;
  updateShortlist: Resolver<ResolversTypes['Shortlist'], ParentType, ContextType, RequireFields<MutationUpdateShortlistArgs, 'id' | 'supplierIds'>>;
  updateSupplier: Resolver<ResolversTypes['Supplier'], ParentType, ContextType, RequireFields<MutationUpdateSupplierArgs, 'id' | 'input'>>;
  uploadImportChunk: Resolver<ResolversTypes['ImportUpload'], ParentType, ContextType, RequireFields<MutationUploadImportChunkArgs, 'chunk' | 'fileName'>>;
  withdrawNeed: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationWithdrawNeedArgs, 'id' | 'reason'>>;
};

export type NafCodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NafCode'] = ResolversParentTypes['NafCode']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type NeedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Need'] = ResolversParentTypes['Need']> = {
  addressedTo?: Resolver<Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  assignment?: Resolver<Maybe<ResolversTypes['NeedAssignment']>, ParentType, ContextType>;
  budgetMax?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  budgetMin?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  buyerOrganisationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  changeable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  closingNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  commune?: Resolver<ResolversTypes['Commune'], ParentType, ContextType>;
  companyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  confirmedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  contactEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deadline?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  internalNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  introducedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NeedKind'], ParentType, ContextType>;
  matchNotice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nafCodes?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  nextStep?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  preferredInclusionKinds?: Resolver<ReadonlyArray<ResolversTypes['InclusionKind']>, ParentType, ContextType>;
  recordedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requiredInclusionKinds?: Resolver<ReadonlyArray<ResolversTypes['InclusionKind']>, ParentType, ContextType>;
  requiredLabels?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  shortlists?: Resolver<ReadonlyArray<ResolversTypes['Shortlist']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NeedStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  withdrawalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  withdrawnAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type NeedAssignmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NeedAssignment'] = ResolversParentTypes['NeedAssignment']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  officer?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type NeedConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NeedConnection'] = ResolversParentTypes['NeedConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['NeedEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NeedEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NeedEdge'] = ResolversParentTypes['NeedEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Need'], ParentType, ContextType>;
};

export type NeedKindCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NeedKindCount'] = ResolversParentTypes['NeedKindCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NeedKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OethDeductionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OethDeduction'] = ResolversParentTypes['OethDeduction']> = {
  beforeCap?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  cap?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  capRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  capped?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  deduction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  labourCost?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OrganisationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Organisation'] = ResolversParentTypes['Organisation']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OrganisationKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  siret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type OutboxMailResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OutboxMail'] = ResolversParentTypes['OutboxMail']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MailKind'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  need?: Resolver<Maybe<ResolversTypes['Need']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  recipient?: Resolver<ResolversTypes['MailRecipient'], ParentType, ContextType>;
  sentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  shortlist?: Resolver<Maybe<ResolversTypes['Shortlist']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['MailState'], ParentType, ContextType>;
  supplier?: Resolver<Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OutcomeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Outcome'] = ResolversParentTypes['Outcome']> = {
  amount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  insertionHours?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OutcomeStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type OutcomeCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OutcomeCount'] = ResolversParentTypes['OutcomeCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OutcomeStatus'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PublicContractResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PublicContract'] = ResolversParentTypes['PublicContract']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  awardedToDirectory?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  buyerSiret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contractId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cpvCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  holders?: Resolver<ReadonlyArray<ResolversTypes['PublicContractHolder']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notifiedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  object?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  placeCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  socialClause?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  socialCriterion?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PublicContractGroupResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PublicContractGroup'] = ResolversParentTypes['PublicContractGroup']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  contracts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  essAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  essContracts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  socialClause?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  socialCriterion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PublicContractHolderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PublicContractHolder'] = ResolversParentTypes['PublicContractHolder']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  idType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  supplier?: Resolver<Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
};

export type PublicContractStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PublicContractStats'] = ResolversParentTypes['PublicContractStats']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  byBuyer?: Resolver<ReadonlyArray<ResolversTypes['PublicContractGroup']>, ParentType, ContextType>;
  byMonth?: Resolver<ReadonlyArray<ResolversTypes['PublicContractGroup']>, ParentType, ContextType>;
  contracts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  essAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  essContracts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  socialClause?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  socialCriterion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  communes: Resolver<ReadonlyArray<ResolversTypes['Commune']>, ParentType, ContextType, RequireFields<QueryCommunesArgs, 'search'>>;
  exportMyData: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  failedMails: Resolver<ReadonlyArray<ResolversTypes['OutboxMail']>, ParentType, ContextType, Partial<QueryFailedMailsArgs>>;
  impactStats: Resolver<ResolversTypes['ImpactStats'], ParentType, ContextType, RequireFields<QueryImpactStatsArgs, 'from' | 'to'>>;
  importJob: Resolver<Maybe<ResolversTypes['ImportJob']>, ParentType, ContextType, RequireFields<QueryImportJobArgs, 'id'>>;
  importJobs: Resolver<ReadonlyArray<ResolversTypes['ImportJob']>, ParentType, ContextType>;
  inclusionKindPresets: Resolver<ReadonlyArray<ResolversTypes['InclusionKindPreset']>, ParentType, ContextType>;
  inclusivePotential: Resolver<ResolversTypes['InclusivePotential'], ParentType, ContextType, RequireFields<QueryInclusivePotentialArgs, 'input'>>;
  introductions: Resolver<ResolversTypes['ShortlistConnection'], ParentType, ContextType, Partial<QueryIntroductionsArgs>>;
  invitationCampaign: Resolver<ResolversTypes['InvitationCampaign'], ParentType, ContextType>;
  matchSuppliers: Resolver<ReadonlyArray<ResolversTypes['SupplierMatch']>, ParentType, ContextType, RequireFields<QueryMatchSuppliersArgs, 'needId'>>;
  me: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  metropoleCommunes: Resolver<ReadonlyArray<ResolversTypes['Commune']>, ParentType, ContextType>;
  myIntroductions: Resolver<ReadonlyArray<ResolversTypes['ReceivedIntroduction']>, ParentType, ContextType>;
  nafCodes: Resolver<ReadonlyArray<ResolversTypes['NafCode']>, ParentType, ContextType, RequireFields<QueryNafCodesArgs, 'search'>>;
  nafCodesByCode: Resolver<ReadonlyArray<ResolversTypes['NafCode']>, ParentType, ContextType, RequireFields<QueryNafCodesByCodeArgs, 'codes'>>;
  need: Resolver<Maybe<ResolversTypes['Need']>, ParentType, ContextType, RequireFields<QueryNeedArgs, 'id'>>;
  needs: Resolver<ResolversTypes['NeedConnection'], ParentType, ContextType, Partial<QueryNeedsArgs>>;
  needsAwaitingShortlist: Resolver<ResolversTypes['NeedConnection'], ParentType, ContextType, Partial<QueryNeedsAwaitingShortlistArgs>>;
  officers: Resolver<ReadonlyArray<ResolversTypes['User']>, ParentType, ContextType>;
  organisations: Resolver<ReadonlyArray<ResolversTypes['Organisation']>, ParentType, ContextType, Partial<QueryOrganisationsArgs>>;
  previewIntroduction: Resolver<ReadonlyArray<ResolversTypes['MailPreview']>, ParentType, ContextType, RequireFields<QueryPreviewIntroductionArgs, 'shortlistId'>>;
  proposeGroupements: Resolver<ReadonlyArray<ResolversTypes['Groupement']>, ParentType, ContextType, RequireFields<QueryProposeGroupementsArgs, 'needId'>>;
  publicContractStats: Resolver<ResolversTypes['PublicContractStats'], ParentType, ContextType, RequireFields<QueryPublicContractStatsArgs, 'from' | 'to'>>;
  publicContracts: Resolver<ReadonlyArray<ResolversTypes['PublicContract']>, ParentType, ContextType, RequireFields<QueryPublicContractsArgs, 'from' | 'to'>>;
  shortlist: Resolver<Maybe<ResolversTypes['Shortlist']>, ParentType, ContextType, RequireFields<QueryShortlistArgs, 'id'>>;
  spendAnalyses: Resolver<ReadonlyArray<ResolversTypes['SpendAnalysis']>, ParentType, ContextType, Partial<QuerySpendAnalysesArgs>>;
  spendAnalysis: Resolver<ResolversTypes['SpendAnalysis'], ParentType, ContextType, RequireFields<QuerySpendAnalysisArgs, 'id'>>;
  supplier: Resolver<Maybe<ResolversTypes['Supplier']>, ParentType, ContextType, RequireFields<QuerySupplierArgs, 'id'>>;
  supplierBySlug: Resolver<Maybe<ResolversTypes['Supplier']>, ParentType, ContextType, RequireFields<QuerySupplierBySlugArgs, 'slug'>>;
  suppliers: Resolver<ResolversTypes['SupplierConnection'], ParentType, ContextType, Partial<QuerySuppliersArgs>>;
  suppliersWithPendingChanges: Resolver<ReadonlyArray<ResolversTypes['Supplier']>, ParentType, ContextType>;
};

export type ReceivedIntroductionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceivedIntroduction'] = ResolversParentTypes['ReceivedIntroduction']> = {
  budget?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deadline?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  firmName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  introducedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  needDescription?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  needTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  place?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['SupplierResponse']>, ParentType, ContextType>;
  shortlistId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ScoreBreakdownResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ScoreBreakdown'] = ResolversParentTypes['ScoreBreakdown']> = {
  capacity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  labels?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sector?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ShortlistResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Shortlist'] = ResolversParentTypes['Shortlist']> = {
  approvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  groupement?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<ReadonlyArray<ResolversTypes['ShortlistItem']>, ParentType, ContextType>;
  mails?: Resolver<ReadonlyArray<ResolversTypes['OutboxMail']>, ParentType, ContextType, RequireFields<ShortlistMailsArgs, 'kinds'>>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  need?: Resolver<ResolversTypes['Need'], ParentType, ContextType>;
  notice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShortlistStatus'], ParentType, ContextType>;
};

export type ShortlistConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShortlistConnection'] = ResolversParentTypes['ShortlistConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['ShortlistEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ShortlistEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShortlistEdge'] = ResolversParentTypes['ShortlistEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Shortlist'], ParentType, ContextType>;
};

export type ShortlistItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShortlistItem'] = ResolversParentTypes['ShortlistItem']> = {
  alreadyIntroducedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  answer?: Resolver<Maybe<ResolversTypes['SupplierAnswer']>, ParentType, ContextType>;
  answeredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['Outcome']>, ParentType, ContextType>;
  override?: Resolver<Maybe<ResolversTypes['ShortlistOverride']>, ParentType, ContextType>;
  proposedByMatcher?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reasons?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['SupplierResponse']>, ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  supplier?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType>;
};

export type ShortlistOverrideResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShortlistOverride'] = ResolversParentTypes['ShortlistOverride']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  constraint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SpendAnalysisResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SpendAnalysis'] = ResolversParentTypes['SpendAnalysis']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  csv?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<SpendAnalysisCsvArgs, 'excelFr'>>;
  essAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  essShare?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  gaps?: Resolver<ReadonlyArray<ResolversTypes['SpendGap']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oethDeduction?: Resolver<Maybe<ResolversTypes['OethDeduction']>, ParentType, ContextType, RequireFields<SpendAnalysisOethDeductionArgs, 'contribution' | 'disabledWorkforceRate' | 'labourCostShare'>>;
  protectedAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  protectedShare?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  publicBuyer?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  refusals?: Resolver<ReadonlyArray<ResolversTypes['SpendRefusal']>, ParentType, ContextType>;
  siaeAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  siaeShare?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  totalAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SpendGapResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SpendGap'] = ResolversParentTypes['SpendGap']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  potential?: Resolver<ResolversTypes['InclusivePotential'], ParentType, ContextType>;
  suggestions?: Resolver<ReadonlyArray<ResolversTypes['Supplier']>, ParentType, ContextType>;
};

export type SpendRefusalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SpendRefusal'] = ResolversParentTypes['SpendRefusal']> = {
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SupplierResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Supplier'] = ResolversParentTypes['Supplier']> = {
  accountEvents?: Resolver<Maybe<ReadonlyArray<ResolversTypes['AccountEvent']>>, ParentType, ContextType>;
  commune?: Resolver<ResolversTypes['Commune'], ParentType, ContextType>;
  completeness?: Resolver<ResolversTypes['Completeness'], ParentType, ContextType>;
  contactEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contactSharedWith?: Resolver<Maybe<ReadonlyArray<ResolversTypes['Supplier']>>, ParentType, ContextType>;
  declarationReview?: Resolver<Maybe<ResolversTypes['SupplierDeclarationReview']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  employees?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  followUpsOff?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inclusionKind?: Resolver<Maybe<ResolversTypes['InclusionKind']>, ParentType, ContextType>;
  interventionRadiusKm?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  invitation?: Resolver<Maybe<ResolversTypes['SupplierInvitation']>, ParentType, ContextType>;
  labels?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  legalForm?: Resolver<ResolversTypes['LegalForm'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  maxContractValue?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nafCodes?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pendingChanges?: Resolver<Maybe<ResolversTypes['SupplierPendingChanges']>, ParentType, ContextType>;
  searchHints?: Resolver<Maybe<ReadonlyArray<ResolversTypes['String']>>, ParentType, ContextType>;
  services?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  siret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  users?: Resolver<Maybe<ReadonlyArray<ResolversTypes['User']>>, ParentType, ContextType>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SupplierConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierConnection'] = ResolversParentTypes['SupplierConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['SupplierEdge']>, ParentType, ContextType>;
  facets?: Resolver<ResolversTypes['DirectoryFacets'], ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  reading?: Resolver<ResolversTypes['DirectoryReading'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SupplierDeclarationReviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierDeclarationReview'] = ResolversParentTypes['SupplierDeclarationReview']> = {
  approved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  inclusionKind?: Resolver<Maybe<ResolversTypes['InclusionKind']>, ParentType, ContextType>;
  labels?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type SupplierEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierEdge'] = ResolversParentTypes['SupplierEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType>;
};

export type SupplierInvitationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierInvitation'] = ResolversParentTypes['SupplierInvitation']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  invitedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  notSent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  optedOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  remindedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  sentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  signedInAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type SupplierMatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierMatch'] = ResolversParentTypes['SupplierMatch']> = {
  breakdown?: Resolver<ResolversTypes['ScoreBreakdown'], ParentType, ContextType>;
  eligible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reasons?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  relevant?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  supplier?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType>;
};

export type SupplierPendingChangesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierPendingChanges'] = ResolversParentTypes['SupplierPendingChanges']> = {
  inclusionKind?: Resolver<Maybe<ResolversTypes['InclusionKind']>, ParentType, ContextType>;
  labels?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type SupplierResponseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierResponse'] = ResolversParentTypes['SupplierResponse']> = {
  answer?: Resolver<ResolversTypes['SupplierAnswer'], ParentType, ContextType>;
  answeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  dailyDigest?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  supplier?: Resolver<Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AccountEvent?: AccountEventResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  Commune?: CommuneResolvers<ContextType>;
  CommuneCount?: CommuneCountResolvers<ContextType>;
  Completeness?: CompletenessResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DirectoryFacets?: DirectoryFacetsResolvers<ContextType>;
  DirectoryReading?: DirectoryReadingResolvers<ContextType>;
  FacetCount?: FacetCountResolvers<ContextType>;
  FamilyPotential?: FamilyPotentialResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Groupement?: GroupementResolvers<ContextType>;
  ImpactStats?: ImpactStatsResolvers<ContextType>;
  ImportJob?: ImportJobResolvers<ContextType>;
  ImportReasonCount?: ImportReasonCountResolvers<ContextType>;
  ImportRefusal?: ImportRefusalResolvers<ContextType>;
  ImportUpload?: ImportUploadResolvers<ContextType>;
  ImportUploadFile?: ImportUploadFileResolvers<ContextType>;
  InclusionKindCount?: InclusionKindCountResolvers<ContextType>;
  InclusionKindPreset?: InclusionKindPresetResolvers<ContextType>;
  InclusivePotential?: InclusivePotentialResolvers<ContextType>;
  InvitationBatch?: InvitationBatchResolvers<ContextType>;
  InvitationCampaign?: InvitationCampaignResolvers<ContextType>;
  MailPreview?: MailPreviewResolvers<ContextType>;
  MonthAmount?: MonthAmountResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NafCode?: NafCodeResolvers<ContextType>;
  Need?: NeedResolvers<ContextType>;
  NeedAssignment?: NeedAssignmentResolvers<ContextType>;
  NeedConnection?: NeedConnectionResolvers<ContextType>;
  NeedEdge?: NeedEdgeResolvers<ContextType>;
  NeedKindCount?: NeedKindCountResolvers<ContextType>;
  OethDeduction?: OethDeductionResolvers<ContextType>;
  Organisation?: OrganisationResolvers<ContextType>;
  OutboxMail?: OutboxMailResolvers<ContextType>;
  Outcome?: OutcomeResolvers<ContextType>;
  OutcomeCount?: OutcomeCountResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PublicContract?: PublicContractResolvers<ContextType>;
  PublicContractGroup?: PublicContractGroupResolvers<ContextType>;
  PublicContractHolder?: PublicContractHolderResolvers<ContextType>;
  PublicContractStats?: PublicContractStatsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReceivedIntroduction?: ReceivedIntroductionResolvers<ContextType>;
  ScoreBreakdown?: ScoreBreakdownResolvers<ContextType>;
  Shortlist?: ShortlistResolvers<ContextType>;
  ShortlistConnection?: ShortlistConnectionResolvers<ContextType>;
  ShortlistEdge?: ShortlistEdgeResolvers<ContextType>;
  ShortlistItem?: ShortlistItemResolvers<ContextType>;
  ShortlistOverride?: ShortlistOverrideResolvers<ContextType>;
  SpendAnalysis?: SpendAnalysisResolvers<ContextType>;
  SpendGap?: SpendGapResolvers<ContextType>;
  SpendRefusal?: SpendRefusalResolvers<ContextType>;
  Supplier?: SupplierResolvers<ContextType>;
  SupplierConnection?: SupplierConnectionResolvers<ContextType>;
  SupplierDeclarationReview?: SupplierDeclarationReviewResolvers<ContextType>;
  SupplierEdge?: SupplierEdgeResolvers<ContextType>;
  SupplierInvitation?: SupplierInvitationResolvers<ContextType>;
  SupplierMatch?: SupplierMatchResolvers<ContextType>;
  SupplierPendingChanges?: SupplierPendingChangesResolvers<ContextType>;
  SupplierResponse?: SupplierResponseResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

