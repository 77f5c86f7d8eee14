/** Why a reviewer corrected a summary: a small fixed list, so figures add up across reviewers and weeks. Browser-safe. */
export const correctionReasons = [
  { key: "wrong_amount", label: "Wrong amount or number" },
  { key: "wrong_date", label: "Wrong date or time" },
  { key: "wrong_person", label: "Wrong person or speaker" },
  { key: "missed_commitment", label: "Missed commitment or next step" },
  { key: "invented_content", label: "Invented content" },
  { key: "tone_format", label: "Tone or format" },
  { key: "other", label: "Other" },
] as const;

export type CorrectionReason = (typeof correctionReasons)[number]["key"];

export const correctionReasonKeys = correctionReasons.map((reason) => reason.key) as [CorrectionReason, ...CorrectionReason[]];
