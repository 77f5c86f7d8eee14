"use client";

import { forwardRef } from "react";
import { correctionReasons, type CorrectionReason } from "@/lib/review/insights/correction-reasons";

/**
 * Why the reviewer corrected the summary, tagged with the save. Reasons Redline read from the change (or
 * from the facts it flagged) are ticked and marked "suggested" until the reviewer decides; Alt+R comes here.
 */
export const CorrectionReasonPicker = forwardRef<HTMLFieldSetElement, {
  chosen: ReadonlySet<CorrectionReason>;
  suggested: ReadonlySet<CorrectionReason>;
  decided: ReadonlySet<CorrectionReason>;
  onToggle: (reason: CorrectionReason, on: boolean) => void;
}>(function CorrectionReasonPicker({ chosen, suggested, decided, onToggle }, ref) {
  return (
    <fieldset className="reason-picker" ref={ref} tabIndex={-1}>
      <legend>Why did you correct it? (Alt+R)</legend>
      {correctionReasons.map((reason) => (
        <label key={reason.key} className="reason">
          <input type="checkbox" checked={chosen.has(reason.key)} onChange={(event) => onToggle(reason.key, event.target.checked)} />
          {reason.label}
          {suggested.has(reason.key) && !decided.has(reason.key) ? <span className="muted"> (suggested)</span> : null}
        </label>
      ))}
    </fieldset>
  );
});
