/** Roles per gemeente (issue 3). platformbeheerder is suite-wide; the others hold in one gemeente. */
export const ROLLEN = ['platformbeheerder', 'gemeentebeheerder', 'ambtenaar', 'moderator', 'inwoner'] as const;
export type Rol = (typeof ROLLEN)[number];

/** Staff roles must log in with a second factor (TOTP). */
export const STAF_ROLLEN: readonly Rol[] = ['platformbeheerder', 'gemeentebeheerder', 'ambtenaar', 'moderator'];

/** The four organised segments of local society, plus the individual resident. */
export const ORGANISATIE_SEGMENTEN = ['gemeente', 'bedrijfsleven', 'maatschappelijk', 'burgers'] as const;
export type OrganisatieSegment = (typeof ORGANISATIE_SEGMENTEN)[number];
export const SEGMENTEN = [...ORGANISATIE_SEGMENTEN, 'inwoner'] as const;
export type Segment = (typeof SEGMENTEN)[number];

/** Roles within an organisation. */
export const LIDMAATSCHAP_ROLLEN = ['lid', 'vertegenwoordiger', 'beheerder'] as const;
export type LidmaatschapRol = (typeof LIDMAATSCHAP_ROLLEN)[number];
