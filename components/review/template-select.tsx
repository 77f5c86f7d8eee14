import { useLayoutEffect, useRef } from "react";
import type { SummaryTemplate } from "@/lib/providers/types";

/**
 * Which of the provider's summary templates a save replaces, chosen before saving (and remembered from the
 * last save). Left as it is, the provider decides; a call with two completed templates then asks.
 */
export function TemplateSelect({
  templates,
  value,
  providerName,
  disabled,
  onChange,
}: {
  templates: readonly SummaryTemplate[];
  value: string | null;
  providerName: string;
  disabled: boolean;
  onChange: (key: string | null) => void;
}) {
  const select = useRef<HTMLSelectElement>(null);
  // The select is in the server-rendered page and works before hydration, which keeps the DOM's choice but
  // not the state: a template picked in that moment is taken up here, before a re-render would undo it.
  const atMount = useRef({ value, onChange });
  useLayoutEffect(() => {
    const element = select.current;
    const { value: rendered, onChange: choose } = atMount.current;
    if (element !== null && element.value !== (rendered ?? "")) choose(element.value || null);
  }, []);
  if (templates.length === 0) return null;
  return (
    <div className="template-select">
      <label htmlFor="summary-template">Summary template</label>
      <select ref={select} id="summary-template" value={value ?? ""} disabled={disabled} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">The call&apos;s only template ({providerName} asks if there are two)</option>
        {templates.map((template) => (
          <option key={template.key} value={template.key}>
            {template.label}
          </option>
        ))}
      </select>
    </div>
  );
}
