import type { ProviderErrorDetails } from "@/lib/providers/provider-error";
import { providerNames } from "@/lib/providers/provider-names";

/** A provider failure as a reviewer can quote it to support: the provider's code, message and request id. */
export function ProviderErrorAlert({ error, title, children }: { error: ProviderErrorDetails; title: string; children?: React.ReactNode }) {
  return (
    <div role="alert" className="alert error">
      <p className="alert-title">{title}</p>
      <p>
        {providerNames[error.provider]} answered <code>{error.code}</code>
        {error.status ? ` (HTTP ${error.status})` : ""}: {error.message}
      </p>
      {error.requestId ? (
        <p className="muted">
          Request id <code>{error.requestId}</code>
        </p>
      ) : null}
      {children}
    </div>
  );
}
