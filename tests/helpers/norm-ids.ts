/** The 33 norm ids of shared/spec/norms.md (19 of v1, 14 of pack v2): fixed, outside acceptance tests look for them. */
export const NORM_IDS = [
  'teacher-training-funds',
  'performance-pay-model-high-school',
  'performance-pay-control-line',
  'performance-pay-higher-education',
  'class-teacher-allowance',
  'special-education-subsidy',
  'teacher-pay-parity',
  'non-teaching-staff-share',
  'senior-post-share',
  'senior-title-rural-service',
  'teacher-training-hours',
  'new-teacher-certification',
  'substitute-teacher-age-relief',
  'compulsory-retention-rate',
  'standardized-school-rate',
  'vocational-general-balance',
  'young-teacher-forums',
  'small-school-consolidation',
  'county-1-2-3-plan',
  // Pack v2 (norms.md "New norms")
  'per-pupil-public-funds',
  'performance-pay-within-total',
  'supplementary-performance-pay',
  'establishment-cap',
  'equal-pay-non-establishment',
  'substitute-teacher-certification',
  'township-allowance',
  'county-full-standardization',
  'vocational-places-expansion',
  'zero-poverty-dropout',
  'migrant-children-public-schools',
  'after-school-service-coverage',
  'special-needs-full-coverage',
  'digital-full-coverage',
] as const;

/** The norm ids across documents of shared/spec/workspace.md (same stability). */
export const WORKSPACE_NORM_IDS = [
  'county-teacher-pay-parity',
  'county-senior-post-pool',
  'district-school-list',
  'district-reference-mismatch',
  'indicator-decline',
] as const;

/** Every norm of the default pack. */
export const PACK_NORM_IDS = [...NORM_IDS, ...WORKSPACE_NORM_IDS] as const;
